package io.clipdesk.bench;

import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.CropWindow;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.reframe.FfmpegReframer;
import io.clipdesk.media.clip.FfmpegRemuxer;
import io.clipdesk.media.testsignal.TestSignalRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A 9:16 reframe of a 30 s 720p clip (the test signal, 2 s GOPs, as a clip's MP4), as a ratio of the encode time to
 * the clip's length, against the ffmpeg CLI doing the same crop, scale and x264 settings on the same file.
 */
final class ReframeBench {

    private static final int CLIP_S = 30;

    static void run(Path work) throws Exception {
        BenchReport.section("Reframe 9:16 of a " + CLIP_S + " s 720p clip to 1080x1920 (x264 " + "veryfast, "
                + ReframeAspect.VERTICAL.videoKbps() + " kbit/s, sound copied)");
        LiveStream stream = new LiveStream(1, "Bench", SourceSpec.TEST_SIGNAL, true, 14400, "benchbenchbe", 0,
                List.of(Rendition.DEFAULT_LADDER.get(1)));
        TestSignalRecorder.Recording recording = TestSignalRecorder.record(stream, 2000, CLIP_S / 2,
                Clock.systemUTC(), work.resolve("segments"));
        Path clip = work.resolve("clip.mp4");
        new FfmpegRemuxer().toMp4(recording.files("media_2_720"), clip);
        Path out = Files.createDirectories(work.resolve("reframe"));
        System.out.println("  before: " + Bench.loadAverage());

        long t = System.nanoTime();
        List<Long> segments = new FfmpegReframer().encode(clip, ReframeAspect.VERTICAL, CropPath.fixed(0.5, 0.5),
                2000, i -> out.resolve(String.format("s%05d.ts", i)), done -> { });
        double oursS = (System.nanoTime() - t) / 1e9;

        CropWindow w = CropWindow.of(ReframeAspect.VERTICAL, 1280, 720, 0.5, 0.5);
        t = System.nanoTime();
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", clip.toString(), "-vf",
                "crop=" + w.width() + ":" + w.height() + ":" + w.x() + ":" + w.y() + ",scale=1080:1920:flags=bicubic",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "6000k", "-maxrate", "9000k", "-bufsize", "12000k",
                "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-bf", "0", "-c:a", "copy",
                work.resolve("cli.mp4").toString()).inheritIO().start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg CLI failed");
        }
        double cliS = (System.nanoTime() - t) / 1e9;

        double ratio = oursS / CLIP_S;
        BenchReport.line("Clipdesk reframe (" + segments.size() + " segments)", String.format(Locale.ROOT, "%.1f s",
                oursS), "");
        BenchReport.line("encode time / clip length", String.format(Locale.ROOT, "%.2f", ratio),
                "target <= 1.00 (ready within the clip's length)  " + BenchReport.verdict(ratio <= 1.0));
        BenchReport.line("ffmpeg CLI, same crop and x264 settings", String.format(Locale.ROOT, "%.1f s (%.2f)", cliS,
                cliS / CLIP_S), "(reference, same file)");
        BenchReport.line("ratio Clipdesk / ffmpeg", String.format(Locale.ROOT, "%.2f", oursS / cliS), "");
        System.out.println("  after: " + Bench.loadAverage());
    }
}
