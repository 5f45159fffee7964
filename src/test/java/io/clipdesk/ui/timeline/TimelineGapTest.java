package io.clipdesk.ui.timeline;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.ui.dvr.SegmentIndex;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A DVR with a hole where the source was lost: the timeline finds the gap and paints it hatched, unlike media. */
class TimelineGapTest {

    private static final long T0 = 1_716_562_000_000L;
    private static final long GAP_START = T0 + 60_000;
    private static final long GAP_END = T0 + 72_000;

    /** 30 segments of 2 s, a 12 s hole, 30 more; the stamps of the second run jitter by a few ms, as a pull's do. */
    private static SegmentIndex dvrWithGap() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            segments.add(new Segment(1, i, T0 + i * 2000L, 2_000_000, false));
        }
        for (int i = 0; i < 30; i++) {
            segments.add(new Segment(1, 30 + i, GAP_END + i * 2000L + (i % 2) * 3, 2_000_000, i == 0));
        }
        return SegmentIndex.of(segments);
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void gapBands_findTheHoleInTheStamps_andIgnoreJitter() {
        SegmentIndex dvr = dvrWithGap();
        assertEquals(List.of(new GapBand(GAP_START, GAP_END)), GapBand.in(dvr, T0, T0 + 200_000));
        assertEquals(List.of(new GapBand(GAP_START, GAP_END)), GapBand.in(dvr, T0 + 65_000, T0 + 66_000),
                "a view inside the gap");
        assertEquals(List.of(), GapBand.in(dvr, T0, GAP_START), "a view ending where the gap starts");
        assertEquals(List.of(), GapBand.in(dvr, GAP_END + 10_000, GAP_END + 50_000), "after it");
        assertEquals("12 s", GapBand.lengthText(GAP_END - GAP_START));
        assertEquals("0.8 s", GapBand.lengthText(800));
        assertEquals("2 min 05 s", GapBand.lengthText(125_000));
    }

    @Test
    void painter_drawsTheGapHatchedAndDark_whereMediaIsDrawnInTheDvrColour() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        DvrTimeline timeline = fx(() -> {
            DvrTimeline t = new DvrTimeline();
            t.setSegments(dvrWithGap());
            t.setDvrStartMs(T0);
            t.setLiveEdgeMs(GAP_END + 60_000);
            t.setVisibleRange(T0, GAP_END + 60_000);
            t.setPlayheadMs(T0);
            stage.setScene(new Scene(new StackPane(t), 1320, 150));
            stage.show();
            return t;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new GapBand(GAP_START, GAP_END)), fx(timeline::gapBands));

        WritableImage shot = fx(() -> timeline.snapshot(null, null));
        TimelineScale scale = fx(() -> timeline.scale(timeline.getWidth()));
        PixelReader pixels = shot.getPixelReader();
        int y = (int) (shot.getHeight() - TimelinePainter.OVERVIEW_H - TimelinePainter.CLIPS_H - 6);
        Color gap = (Color) timeline.gapColor();
        Color hatch = (Color) timeline.gapHatchColor();
        int gapPixels = 0;
        int hatchPixels = 0;
        for (int x = (int) scale.xOf(GAP_START) + 3; x < (int) scale.xOf(GAP_END) - 3; x++) {
            Color c = pixels.getColor(x, y);
            gapPixels += close(c, gap) ? 1 : 0;
            hatchPixels += close(c, hatch) ? 1 : 0;
        }
        assertTrue(gapPixels > 10 && hatchPixels > 10, "hatched gap band: " + gapPixels + " dark, " + hatchPixels
                + " hatch pixels");
        for (long t : new long[]{T0 + 20_000, GAP_END + 30_000}) {
            Color media = pixels.getColor((int) scale.xOf(t), y);
            assertFalse(close(media, gap) || close(media, hatch), "media at " + t + " is not drawn as a gap: " + media);
        }
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

}
