package io.clipdesk.bench;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.clip.FfmpegRemuxer;
import io.clipdesk.media.testsignal.TestSignalRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** MP4 remux of a 10-minute clip (300 × 2 s, 720p) against `ffmpeg -c copy -movflags +faststart` on the same files. */
final class RemuxBench {

    private static final int RUNS = 5;

    static void run(Path work) throws Exception {
        BenchReport.section("MP4 remux of a 10-minute clip (300 x 2 s segments, 720p + AAC), median of " + RUNS);
        LiveStream stream = new LiveStream(1, "Bench", SourceSpec.TEST_SIGNAL, true, 14400, "benchbenchbe", 0,
                List.of(Rendition.DEFAULT_LADDER.get(1)));
        TestSignalRecorder.Recording recording = TestSignalRecorder.record(stream, 2000, 300, Clock.systemUTC(),
                work.resolve("segments"));
        List<Path> segments = recording.files("media_2_720");
        FfmpegRemuxer remuxer = new FfmpegRemuxer();
        remuxer.toMp4(segments.subList(0, 5), work.resolve("warm.mp4"));
        double[] ours = new double[RUNS];
        double[] cli = new double[RUNS];
        String concat = "concat:" + segments.stream().map(Path::toString).collect(Collectors.joining("|"));
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            remuxer.toMp4(segments, work.resolve("ours.mp4"));
            ours[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", concat, "-c", "copy",
                    "-movflags", "+faststart", work.resolve("cli.mp4").toString()).inheritIO().start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg CLI failed");
            }
            cli[i] = (System.nanoTime() - t) / 1e6;
        }
        double ratio = BenchReport.median(ours) / BenchReport.median(cli);
        BenchReport.line("Clipdesk remux (incl. fsync)", String.format(Locale.ROOT, "%.0f ms", BenchReport.median(ours)),
                "");
        BenchReport.line("ffmpeg CLI -c copy +faststart", String.format(Locale.ROOT, "%.0f ms", BenchReport.median(cli)),
                "(reference, same segments)");
        BenchReport.line("ratio Clipdesk / ffmpeg", String.format(Locale.ROOT, "%.2f", ratio),
                "target <= 1.00  " + BenchReport.verdict(ratio <= 1.0));
        BenchReport.line("MP4 size", (Files.size(work.resolve("ours.mp4")) >> 20) + " MiB", "");
    }
}
