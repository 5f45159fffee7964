package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.SegmentTrimmer;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.clip.FfmpegSegmentTrimmer;
import io.clipdesk.media.testsignal.TestSignalRecorder;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Frame-accurate clips: CPU of one worst-case GOP trim per rendition (all but the first frame of a 2 s GOP
 * re-encoded), then, on the live engine with the real clock, how soon 10 s clips are ready after start + duration
 * in frame and in segment accuracy, created side by side.
 */
final class FrameCutBench {

    private static final int SEGMENT_MS = 2000;
    private static final int RUNS = 5;

    static void run(Path work) throws Exception {
        BenchReport.section("Frame-accurate clips: GOP re-encode CPU, ready lag of 10 s clips (2 s segments)");
        trimCpu(work);
        cameraTrimCpu(work);
        readyLag(work);
    }

    private static void trimCpu(Path work) {
        LiveStream stream = new LiveStream(1, "Bench", SourceSpec.TEST_SIGNAL, true, 3600, "benchbenchbe", 0,
                Rendition.DEFAULT_LADDER);
        TestSignalRecorder.Recording recording = TestSignalRecorder.record(stream, SEGMENT_MS, 2, Clock.systemUTC(),
                work.resolve("trim"));
        FfmpegSegmentTrimmer trimmer = new FfmpegSegmentTrimmer();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (Rendition r : Rendition.DEFAULT_LADDER) {
            Path source = recording.files(r.name()).get(1);
            SegmentTrimmer.Range headCut = new SegmentTrimmer.Range(40_000, SEGMENT_MS * 1000L, r, SEGMENT_MS);
            SegmentTrimmer.Range tailCut = new SegmentTrimmer.Range(0, SEGMENT_MS * 1000L - 40_000, r, SEGMENT_MS);
            trimmer.trim(source, work.resolve("warm.ts"), headCut);
            double[] cpu = new double[RUNS];
            double[] wall = new double[RUNS];
            double[] copy = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long c = os.getProcessCpuTime();
                long t = System.nanoTime();
                trimmer.trim(source, work.resolve("head.ts"), headCut);
                wall[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (os.getProcessCpuTime() - c) / 1e6;
                t = System.nanoTime();
                trimmer.trim(source, work.resolve("tail.ts"), tailCut);
                copy[i] = (System.nanoTime() - t) / 1e6;
            }
            BenchReport.line("first GOP re-encode, " + r.name() + " (49 frames)",
                    String.format(Locale.ROOT, "%.0f ms CPU", BenchReport.median(cpu)),
                    String.format(Locale.ROOT, "%.0f ms wall", BenchReport.median(wall)));
            BenchReport.line("last GOP cut by copy, " + r.name(),
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(copy)), "wall");
        }
    }

    /** A camera-like 720p H.264 with B-frames and 3 s GOPs: the last GOP cannot be cut by copy. */
    private static void cameraTrimCpu(Path work) throws Exception {
        Path segment = work.resolve("camera_0.ts");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "veryfast", "-x264-params", "bframes=2:b-adapt=0:b-pyramid=none",
                "-g", "75", "-keyint_min", "75", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-b:v", "2500k",
                "-c:a", "aac", "-t", "3", "-f", "mpegts", segment.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg CLI failed");
        }
        Rendition camera = Rendition.named(1, 1280, 720, 2500);
        SegmentTrimmer.Range tail = new SegmentTrimmer.Range(0, 2_960_000, camera, SEGMENT_MS);
        FfmpegSegmentTrimmer trimmer = new FfmpegSegmentTrimmer();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        trimmer.trim(segment, work.resolve("camera-warm.ts"), tail);
        double[] cpu = new double[RUNS];
        double[] wall = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            trimmer.trim(segment, work.resolve("camera-tail.ts"), tail);
            wall[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c) / 1e6;
        }
        BenchReport.line("last GOP re-encode, 720p B-frame camera (74 fr.)",
                String.format(Locale.ROOT, "%.0f ms CPU", BenchReport.median(cpu)),
                String.format(Locale.ROOT, "%.0f ms wall", BenchReport.median(wall)));
    }

    private static void readyLag(Path work) throws Exception {
        Clock clock = Clock.systemUTC();
        try (ClipEngine engine = Engines.open(work.resolve("live"), clock, SEGMENT_MS)) {
            while (engine.streams().state(1).window().lengthMs() < 4000) {
                Thread.sleep(50);
            }
            long t0 = engine.streams().state(1).window().startMs();
            double[] frame = new double[3];
            double[] segment = new double[3];
            for (int i = 0; i < frame.length; i++) {
                // Live clips starting now and ending 10 s later, both in the middle of a GOP (the frame clip's worst
                // case: both ends trimmed); both accuracies over the same range.
                long startS = clock.millis() / 1000;
                long intoGopMs = Math.floorMod(startS * 1000 - t0, SEGMENT_MS);
                startS += intoGopMs >= SEGMENT_MS / 4 && intoGopMs < SEGMENT_MS * 3 / 4 ? 0 : 1;
                Clip f = engine.clips().create(ClipRequest.of(1, startS, 10).withAccuracy(ClipAccuracy.FRAME));
                Clip s = engine.clips().create(ClipRequest.of(1, startS, 10));
                double[] lags = awaitBoth(engine, clock, f, s);
                frame[i] = lags[0];
                segment[i] = lags[1];
            }
            BenchReport.line("ready lag, 10 s frame clip (median of 3)",
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(frame)),
                    String.format(Locale.ROOT, "worst %.0f ms", java.util.Arrays.stream(frame).max().orElseThrow()));
            BenchReport.line("ready lag, 10 s segment clip (median of 3)",
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(segment)),
                    String.format(Locale.ROOT, "worst %.0f ms", java.util.Arrays.stream(segment).max().orElseThrow()));
            double extra = BenchReport.median(frame) - BenchReport.median(segment);
            BenchReport.line("extra lag of frame accuracy", String.format(Locale.ROOT, "%.0f ms", extra),
                    "target well under one segment (" + SEGMENT_MS + " ms)  "
                            + BenchReport.verdict(extra < SEGMENT_MS / 2));
            double[] pastFrame = new double[RUNS];
            double[] pastSegment = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                // Clips wholly in the DVR already: both ends are trimmed at once, right after create.
                long startS = (t0 + SEGMENT_MS / 2) / 1000 + 2L * i + 1;
                long t = System.nanoTime();
                awaitReady(engine, engine.clips().create(ClipRequest.of(1, startS, 10)
                        .withAccuracy(ClipAccuracy.FRAME)));
                pastFrame[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                awaitReady(engine, engine.clips().create(ClipRequest.of(1, startS, 10)));
                pastSegment[i] = (System.nanoTime() - t) / 1e6;
            }
            BenchReport.line("create -> ready, 10 s clip in the DVR, frame",
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(pastFrame)), "median of " + RUNS);
            BenchReport.line("create -> ready, 10 s clip in the DVR, segment",
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(pastSegment)), "median of " + RUNS);
        }
    }

    private static void awaitReady(ClipEngine engine, Clip clip) {
        while (engine.clips().get(clip.id()).status() == ClipStatus.RECORDING) {
            LockSupport.parkNanos(500_000);
        }
    }

    /** Ready time after start + duration (ms) of each clip. */
    private static double[] awaitBoth(ClipEngine engine, Clock clock, Clip a, Clip b) {
        double[] lags = {Double.NaN, Double.NaN};
        List<Clip> clips = List.of(a, b);
        while (Double.isNaN(lags[0]) || Double.isNaN(lags[1])) {
            for (int i = 0; i < 2; i++) {
                if (Double.isNaN(lags[i])) {
                    ClipStatus status = engine.clips().get(clips.get(i).id()).status();
                    if (status == ClipStatus.FAILED) {
                        throw new IllegalStateException("clip failed: " + engine.clips().get(clips.get(i).id()));
                    }
                    if (status == ClipStatus.READY) {
                        lags[i] = clock.millis() - clips.get(i).endS() * 1000.0;
                    }
                }
            }
            LockSupport.parkNanos(2_000_000);
        }
        return lags;
    }
}
