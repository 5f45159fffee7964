package io.clipdesk.bench;

import io.clipdesk.ui.timeline.TimelineRepaint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The DVR timeline's repaint with a 4-hour DVR, headless (Monocle, software rendering). */
final class TimelineBench {

    static void run(Path work) throws Exception {
        BenchReport.section("DVR timeline repaint, 1600 px, 4 h DVR (7,200 segments, 200 clips), median of 200");
        // Headless JavaFX, as in the tests; set before the toolkit starts.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("testfx.headless", "true");
        System.setProperty("testfx.robot", "glass");
        TimelineRepaint.Result r = TimelineRepaint.measure(Files.createDirectories(work.resolve("timeline")));
        BenchReport.line("paint, 10 minutes visible", String.format(Locale.ROOT, "%.2f ms", r.tenMinutesMs()),
                "target < 8 ms  " + BenchReport.verdict(r.tenMinutesMs() < 8));
        BenchReport.line("paint, whole 4 h visible", String.format(Locale.ROOT, "%.2f ms", r.fourHoursMs()),
                "target < 8 ms  " + BenchReport.verdict(r.fourHoursMs() < 8));
        BenchReport.line("paint + software rasterisation", String.format(Locale.ROOT, "%.2f ms", r.rasterMs()),
                "target < 8 ms  " + BenchReport.verdict(r.rasterMs() < 8));
        BenchReport.section("DVR timeline repaint with 4 h of waveform, 1600 px (beside the same without it)");
        TimelineRepaint.Waveform w = r.waveform();
        line("paint, 10 s close-up (20 ms buckets)", w.tenSecondsMs());
        line("paint, 10 minutes visible", w.tenMinutesMs());
        line("paint, 10 minutes, view sliding 1 px a paint", w.panningMs());
        line("paint, whole 4 h visible", w.fourHoursMs());
        line("paint + software rasterisation, 10 min", w.rasterMs());
    }

    /** [with, without] as "with ms" and "without … ms, target < 8 ms MET". */
    private static void line(String figure, double[] withAndWithout) {
        BenchReport.line(figure, String.format(Locale.ROOT, "%.2f ms", withAndWithout[0]),
                String.format(Locale.ROOT, "without waveform %.2f ms; target < 8 ms  %s", withAndWithout[1],
                        BenchReport.verdict(withAndWithout[0] < 8)));
    }
}
