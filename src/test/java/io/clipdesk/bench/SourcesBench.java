package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.testing.FfmpegCli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Remux-only ingest on the real clock: a 5 Mbps 1080p H.264/AAC feed (made once by the ffmpeg CLI) played as live
 * into the engine. First one stream — the CPU of its ingest thread and of the whole process — then more and more
 * streams at once until the machine no longer keeps up (a DVR falling more than two segments behind the clock)
 * or the process uses 90 % of the machine.
 */
final class SourcesBench {

    private static final int SEGMENT_MS = 2000;
    private static final double TARGET_PERCENT_PER_STREAM = 3.0;

    static void run(Path work, int seconds) throws Exception {
        BenchReport.section("Remux-only ingest: 1080p H.264 5 Mbps + AAC file played as live, 2 s segments, real clock");
        Path feed = feed(work);

        int cores = Runtime.getRuntime().availableProcessors();
        Result one = measure(work.resolve("one"), feed, 1, seconds);
        double single = one.ingestPercentPerStream();
        BenchReport.line("one stream: ingest thread CPU", String.format(Locale.ROOT, "%.2f %% of a core", single),
                "target <= " + TARGET_PERCENT_PER_STREAM + " %  " + BenchReport.verdict(single <= TARGET_PERCENT_PER_STREAM));
        BenchReport.line("one stream: whole process CPU", String.format(Locale.ROOT, "%.2f %% of a core",
                one.processPercent()), "engine, SQLite, GC, retention included");
        double pushed = measurePush(work.resolve("push"), feed, seconds);
        BenchReport.line("one RTMP push of the feed: ingest CPU", String.format(Locale.ROOT, "%.2f %% of a core",
                pushed), "ffmpeg -re -c copy pushing; target <= " + TARGET_PERCENT_PER_STREAM + " %  "
                + BenchReport.verdict(pushed <= TARGET_PERCENT_PER_STREAM));
        int held = 0;
        for (int n : new int[] {4, 16, 32, 64, 96, 128, 192, 256}) {
            Result r = measure(work.resolve("n" + n), feed, n, Math.max(20, seconds / 3));
            BenchReport.line(n + " streams: process CPU, worst DVR lag", String.format(Locale.ROOT,
                    "%.0f %%, %d ms", r.processPercent(), r.worstLagMs()), String.format(Locale.ROOT,
                    "%.2f %% per stream (ingest threads)", r.ingestPercentPerStream()));
            boolean keptUp = r.worstLagMs() <= 2L * SEGMENT_MS + 1000;
            if (!keptUp || r.processPercent() > 90.0 * cores) {
                break;
            }
            held = n;
            io.clipdesk.engine.storage.DurableFiles.deleteTree(work.resolve("n" + n)); // N × 5 Mbps adds up on disk
        }
        BenchReport.line("streams held at once on this machine", held + " (" + cores + " cores, shared)",
                "all DVRs within 2 segments of the clock");
    }

    /** The 1080p 5 Mbps H.264 + AAC file, 20 s, a keyframe every 2 s; made once per run. */
    static Path feed(Path work) throws java.io.IOException {
        Path feed = work.resolve("feed-1080p-5mbps.mp4");
        if (java.nio.file.Files.exists(feed)) {
            return feed;
        }
        long madeMs = System.currentTimeMillis();
        FfmpegCli.run("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "20", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", "5M", "-maxrate", "5M", "-bufsize", "10M", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", feed.toString());
        BenchReport.line("feed made by the ffmpeg CLI", String.format(Locale.ROOT, "%.1f MB",
                java.nio.file.Files.size(feed) / 1e6), "in " + (System.currentTimeMillis() - madeMs) + " ms");
        return feed;
    }

    private record Result(double ingestPercentPerStream, double processPercent, long worstLagMs) {
    }

    private static Result measure(Path dir, Path feed, int streams, int seconds) throws Exception {
        EngineConfig config = EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(SEGMENT_MS)
                .withDefaultStream(false);
        Clock clock = Clock.systemUTC();
        try (ClipEngine engine = Engines.open(config, clock)) {
            List<LiveStream> created = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                created.add(engine.streams().create(new StreamDraft("Feed " + i,
                        new SourceSpec(SourceKind.FILE_LOOP, feed.toString()), true, LiveStream.MIN_DVR_DURATION_S)));
            }
            for (LiveStream s : created) {
                while (engine.streams().state(s.id()).segmentCount() < 2) {
                    Thread.sleep(100);
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long ingest0 = ingestCpuNs(threads);
            long process0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long worstLagMs = 0;
            for (long end = wall0 + seconds * 1_000_000_000L; System.nanoTime() < end; ) {
                Thread.sleep(500);
                for (LiveStream s : created) {
                    worstLagMs = Math.max(worstLagMs, clock.millis() - engine.streams().state(s.id()).window().endMs());
                }
            }
            double wallNs = System.nanoTime() - wall0;
            return new Result(100.0 * (ingestCpuNs(threads) - ingest0) / wallNs / streams,
                    100.0 * (os.getProcessCpuTime() - process0) / wallNs, worstLagMs);
        }
    }

    /** The same feed pushed over RTMP by the ffmpeg CLI (packet copy, real time); the ingest thread's CPU. */
    private static double measurePush(Path dir, Path feed, int seconds) throws Exception {
        EngineConfig config = EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(SEGMENT_MS)
                .withDefaultStream(false);
        try (ClipEngine engine = Engines.open(config, Clock.systemUTC())) {
            LiveStream stream = engine.streams().create(new StreamDraft("Pushed",
                    PushAddress.rtmp(FfmpegCli.freeTcpPort()).spec(), true, LiveStream.MIN_DVR_DURATION_S));
            Thread.sleep(500);
            String url = PushAddress.of(stream.source()).orElseThrow().pushUrl("127.0.0.1", stream.mediaKey());
            Process encoder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                    "-stream_loop", "-1", "-i", feed.toString(), "-c", "copy", "-f", "flv", url)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (engine.streams().state(stream.id()).segmentCount() < 2) {
                    Thread.sleep(100);
                }
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long ingest0 = ingestCpuNs(threads);
                long wall0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                return 100.0 * (ingestCpuNs(threads) - ingest0) / (System.nanoTime() - wall0);
            } finally {
                encoder.destroyForcibly();
            }
        }
    }

    /** CPU ns so far of this JVM's {@code ingest-*} threads. */
    static long ingestCpuNs(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ingest-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
