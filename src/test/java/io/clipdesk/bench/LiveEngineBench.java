package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.ClipStatus;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/** The engine live, on the real clock with 2 s segments: ingest CPU, then how soon clips are ready after their end. */
final class LiveEngineBench {

    private static final int SEGMENT_MS = 2000;

    static void run(Path work, int cpuSeconds) throws Exception {
        BenchReport.section("Live engine: test signal 720p + 360p + AAC, 2 s segments, real clock");
        Clock clock = Clock.systemUTC();
        try (ClipEngine engine = Engines.open(work.resolve("live"), clock, SEGMENT_MS)) {
            awaitDvr(engine, 6000);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Thread.sleep(cpuSeconds * 1000L);
            double percent = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
            BenchReport.line("ingest CPU over " + cpuSeconds + " s (whole process)",
                    String.format(Locale.ROOT, "%.1f %% of a core", percent),
                    "target <= 30 %  " + BenchReport.verdict(percent <= 30));

            double[] lags = new double[5];
            for (int i = 0; i < lags.length; i++) {
                long nowS = clock.millis() / 1000;
                Clip clip = engine.clips().create(ClipRequest.of(1, nowS - 2, 4));
                while (engine.clips().get(clip.id()).status() == ClipStatus.RECORDING) {
                    LockSupport.parkNanos(2_000_000);
                }
                lags[i] = clock.millis() - clip.endS() * 1000.0;
            }
            double worst = java.util.Arrays.stream(lags).max().orElseThrow();
            BenchReport.line("ready lag after start+duration (median)",
                    String.format(Locale.ROOT, "%.0f ms", BenchReport.median(lags)), "");
            BenchReport.line("ready lag after start+duration (worst of 5)",
                    String.format(Locale.ROOT, "%.0f ms", worst),
                    "target <= one segment (" + SEGMENT_MS + " ms)  " + BenchReport.verdict(worst <= SEGMENT_MS));
        }
    }

    private static void awaitDvr(ClipEngine engine, long ms) throws InterruptedException {
        while (engine.streams().state(1).window().lengthMs() < ms) {
            Thread.sleep(50);
        }
    }
}
