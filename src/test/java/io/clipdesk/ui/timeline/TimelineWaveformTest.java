package io.clipdesk.ui.timeline;

import io.clipdesk.ui.dvr.WaveformPyramid;
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

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline draws the DVR's sound in its lane under the thumbnails: tall where the test signal beeps, a thin
 * line where it is silent, nothing where no sound was measured, read from the pixels of a snapshot at a 10 s
 * close-up and at a 4 h overview.
 */
class TimelineWaveformTest {

    /** On the 81.92 s grid of the pyramid's blocks, so the stretches below fall on whole buckets. */
    private static final long T0 = 1_716_562_000_000L / 81_920 * 81_920;
    private static final long FOUR_HOURS_MS = 4 * 3_600_000L;
    private static final long SILENT_FROM = T0 + 3_600_000;
    private static final long NO_AUDIO_FROM = T0 + 7_200_000;
    private static final long STRETCH_MS = 600_000;
    private static final double HEIGHT = 182;
    private static final double WIDTH = 1200;

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void closeUp_tenSeconds_beepsStandTall_silenceIsAThinLine() throws Exception {
        DvrTimeline timeline = show(T0 + 1_800_000 - 500, T0 + 1_800_000 + 9_500);
        Lane lane = new Lane(timeline);
        for (int s = 0; s < 9; s++) {
            long beep = T0 + 1_800_000 + s * 1000L;
            assertTrue(lane.tallAt(beep + 50), "beep " + s + " drawn tall");
            assertFalse(lane.tallAt(beep + 500), "silence after beep " + s + " drawn low");
            assertTrue(lane.lineAt(beep + 500), "…but drawn: a line on the lane's middle");
        }
    }

    @Test
    void overview_fourHours_showsTheSilentStretchAsALine_andTheStretchWithoutSoundAsNothing() throws Exception {
        DvrTimeline timeline = show(T0, T0 + FOUR_HOURS_MS);
        Lane lane = new Lane(timeline);
        assertTrue(lane.tallAt(T0 + 1_800_000), "beeping minutes stand tall");
        assertFalse(lane.tallAt(SILENT_FROM + STRETCH_MS / 2), "ten silent minutes are low");
        assertTrue(lane.lineAt(SILENT_FROM + STRETCH_MS / 2), "…and drawn");
        assertFalse(lane.lineAt(NO_AUDIO_FROM + STRETCH_MS / 2), "ten minutes without sound are not drawn at all");
        assertTrue(lane.tallAt(NO_AUDIO_FROM + STRETCH_MS + 60_000), "sound again after them");
    }

    private static DvrTimeline show(long fromMs, long toMs) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaveformPyramid waveform = WaveformSamples.beeps(T0, FOUR_HOURS_MS, SILENT_FROM, NO_AUDIO_FROM, STRETCH_MS);
        DvrTimeline timeline = fx(() -> {
            DvrTimeline t = new DvrTimeline();
            t.setDvrStartMs(T0);
            t.setLiveEdgeMs(T0 + FOUR_HOURS_MS);
            t.setVisibleRange(fromMs, toMs);
            t.setFollowLive(false);
            t.setPlayheadMs(T0);
            t.setWaveform(waveform);
            // The primary stage is shared with earlier tests, which may have maximized or sized it.
            stage.setMaximized(false);
            stage.setScene(new Scene(new StackPane(t), WIDTH, HEIGHT));
            stage.sizeToScene();
            stage.show();
            return t;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return timeline;
    }

    /** The sound's lane in a snapshot of the timeline. */
    private static final class Lane {
        private final PixelReader pixels;
        private final TimelineScale scale;
        private final double mid;
        private final double half;

        Lane(DvrTimeline timeline) {
            WritableImage shot = fx(() -> timeline.snapshot(null, null));
            pixels = shot.getPixelReader();
            scale = fx(() -> timeline.scale(timeline.getWidth()));
            double top = fx(timeline::getHeight) - TimelinePainter.OVERVIEW_H - TimelinePainter.CLIPS_H - TimelinePainter.WAVE_H;
            mid = top + TimelinePainter.WAVE_H / 2;
            half = TimelinePainter.WAVE_H / 2;
        }

        /** The wave's colour two thirds of the way from the middle to the lane's edge. */
        boolean tallAt(long ms) {
            return green(ms, mid - half * 2 / 3) && green(ms, mid + half * 2 / 3);
        }

        /** The wave's colour on the lane's middle row. */
        boolean lineAt(long ms) {
            return green(ms, Math.floor(mid - 0.5)) || green(ms, Math.floor(mid));
        }

        private boolean green(long ms, double y) {
            Color c = pixels.getColor((int) Math.round(scale.xOf(ms)), (int) y);
            return c.getGreen() - c.getRed() > 0.2;
        }
    }
}
