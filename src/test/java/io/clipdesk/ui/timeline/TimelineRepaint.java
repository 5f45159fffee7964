package io.clipdesk.ui.timeline;

import javafx.application.Platform;
import java.util.Optional;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.ui.dvr.SegmentIndex;
import io.clipdesk.ui.dvr.WaveformPyramid;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.clipdesk.testing.OnFx.fx;

/**
 * Repaints a 1600 px timeline over a 4 h DVR of 2 s segments (7,200 segments, 200 clips), without and with 4 h of
 * sound in its waveform lane, and times it; shared by the culling test and the benchmark.
 */
public final class TimelineRepaint {

    private TimelineRepaint() {
    }


    private static final long T0 = 1_716_562_000_000L;
    private static final long FOUR_HOURS_MS = 4 * 3_600_000L;
    /** The timeline's preferred height: thumbnails and the waveform lane both drawn. */
    public static final double HEIGHT = 182;

    /** Median milliseconds per repaint, and how many thumbnails the 10-minute view asked for. */
    public record Result(double tenMinutesMs, double fourHoursMs, double rasterMs, int thumbnailsAsked,
                         Waveform waveform) {
    }

    /**
     * Median ms per repaint with 4 h of sound in the waveform lane, each beside the same without it ([with,
     * without]), measured in alternating batches so a busy machine weighs on both alike; 10 s is the close-up, and
     * panning slides the 10-minute view a pixel per repaint (the other figures move only the playhead).
     */
    public record Waveform(double[] tenSecondsMs, double[] tenMinutesMs, double[] panningMs, double[] fourHoursMs,
                           double[] rasterMs) {
    }

    /** Needs the FX toolkit (TestFX's FxToolkit starts it, headless under Monocle). */
    public static Result measure(Path dir) throws Exception {
        Path jpeg = dir.resolve("thumb.jpg");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90",
                "-frames:v", "1", jpeg.toString()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make a thumbnail");
        }
        byte[] jpegBytes = java.nio.file.Files.readAllBytes(jpeg);

        Stage stage = FxToolkit.registerPrimaryStage();
        DvrTimeline timeline = fx(() -> {
            DvrTimeline t = new DvrTimeline();
            t.setSegments(SegmentIndex.of(segments(7200)));
            t.setDvrStartMs(T0);
            t.setLiveEdgeMs(T0 + FOUR_HOURS_MS);
            t.setClips(clips(200));
            t.setThumbnails(new ThumbnailCache(seq -> Optional.of(jpegBytes), Platform::runLater, 160, 90, 400));
            t.showLive(600_000);
            t.setPlayheadMs(T0 + FOUR_HOURS_MS - 120_000);
            t.setMarks(new Marks(T0 + FOUR_HOURS_MS - 200_000, T0 + FOUR_HOURS_MS - 150_000));
            stage.setScene(new Scene(new StackPane(t), 1600, HEIGHT));
            stage.show();
            return t;
        });
        DvrTimelineSkin skin = (DvrTimelineSkin) timeline.getSkin();

        double tenMinutesMs = fx(() -> median(repaints(skin, timeline, 200)));
        int thumbnailsAsked = fx(() -> timeline.getThumbnails().size());
        double fourHoursMs = fx(() -> {
            timeline.setVisibleRange(T0, T0 + FOUR_HOURS_MS);
            return median(repaints(skin, timeline, 200));
        });
        org.testfx.util.WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS); // thumbnails load
        double rasterMs = fx(() -> median(rasterisations(timeline, 50)));

        // Ten silent minutes and ten without sound an hour and two hours in, beeps every second elsewhere.
        WaveformPyramid sound = WaveformSamples.beeps(T0, FOUR_HOURS_MS, T0 + 3_600_000, T0 + 7_200_000, 600_000);
        double[] tenSeconds = fx(() -> {
            timeline.showLive(10_000);
            return withAndWithout(timeline, sound, () -> median(repaints(skin, timeline, 50)));
        });
        double[] tenMinutes = fx(() -> {
            timeline.showLive(600_000);
            return withAndWithout(timeline, sound, () -> median(repaints(skin, timeline, 50)));
        });
        double[] panning = fx(() -> withAndWithout(timeline, sound, () -> median(pans(skin, timeline, 50))));
        org.testfx.util.WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS); // thumbnails load
        double[] raster = fx(() -> withAndWithout(timeline, sound, () -> median(rasterisations(timeline, 12))));
        double[] fourHours = fx(() -> {
            timeline.setVisibleRange(T0, T0 + FOUR_HOURS_MS);
            return withAndWithout(timeline, sound, () -> median(repaints(skin, timeline, 50)));
        });
        FxToolkit.cleanupStages();
        return new Result(tenMinutesMs, fourHoursMs, rasterMs, thumbnailsAsked,
                new Waveform(tenSeconds, tenMinutes, panning, fourHours, raster));
    }

    /** [with, without]: medians of four alternating batches each. */
    private static double[] withAndWithout(DvrTimeline timeline, WaveformPyramid sound,
                                           java.util.function.DoubleSupplier batch) {
        double[] with = new double[4];
        double[] without = new double[4];
        for (int i = 0; i < 4; i++) {
            timeline.setWaveform(WaveformPyramid.EMPTY);
            without[i] = batch.getAsDouble();
            timeline.setWaveform(sound);
            with[i] = batch.getAsDouble();
        }
        return new double[] {median(with), median(without)};
    }

    private static double[] repaints(DvrTimelineSkin skin, DvrTimeline timeline, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            timeline.setPlayheadMs(timeline.getPlayheadMs() + 40);
            long t = System.nanoTime();
            skin.paint();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    /** Repaints while the view slides a pixel each time (following live, dragging): the lane is drawn anew. */
    private static double[] pans(DvrTimelineSkin skin, DvrTimeline timeline, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long step = Math.max(1, Math.round(timeline.scale(timeline.getWidth()).msPerPx()));
            timeline.setVisibleRange(timeline.getVisibleStartMs() - step, timeline.getVisibleEndMs() - step);
            long t = System.nanoTime();
            skin.paint();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static double[] rasterisations(DvrTimeline timeline, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            timeline.setPlayheadMs(timeline.getPlayheadMs() + 40);
            long t = System.nanoTime();
            timeline.layout();
            timeline.snapshot(null, null);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Segment> segments(int count) {
        List<Segment> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Segment(1, i, T0 + i * 2000L, 2_000_000, false));
        }
        return list;
    }

    private static List<ClipBand> clips(int count) {
        List<ClipBand> list = new ArrayList<>();
        long every = FOUR_HOURS_MS / count;
        for (int i = 0; i < count; i++) {
            long start = T0 + i * every;
            list.add(new ClipBand("clip" + String.format("%08d", i), "Goal " + i, start, start + 30_000, i % 2 == 0));
        }
        return list;
    }

}
