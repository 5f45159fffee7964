package io.clipdesk.app;

import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.ClipStatus;
import io.clipdesk.engine.DvrWindow;
import io.clipdesk.testing.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A real engine (SQLite file, FFmpeg test signal with 1 s segments) on a temp dir, driven by a hand-moved
 * clock: the test signal encodes media up to the clock's time as fast as it can, then waits.
 */
final class EngineFixture implements AutoCloseable {

    static final int SEGMENT_MS = 1000;
    static final long STREAM = 1;

    final MutableClock clock = MutableClock.atWholeSecond();
    final Path dir;
    ClipEngine engine;

    EngineFixture(Path dir) {
        this.dir = dir;
        this.engine = Engines.open(dir, clock, SEGMENT_MS);
    }

    /**
     * Moves the clock on one segment at a time, waiting each time for the DVR to hold media up to it (a source
     * further behind than a segment would skip ahead, as it does live after a suspend).
     */
    void produce(Duration duration) {
        for (long stepped = 0; stepped < duration.toMillis(); stepped += SEGMENT_MS) {
            clock.advance(Duration.ofMillis(SEGMENT_MS));
            long targetMs = clock.millis();
            await("DVR to reach " + targetMs, () -> window().endMs() >= targetMs);
        }
    }

    DvrWindow window() {
        return engine.streams().state(STREAM).window();
    }

    Clip awaitStatus(String clipId, ClipStatus status) {
        await("clip " + clipId + " to be " + status, () -> engine.clips().get(clipId).status() == status);
        return engine.clips().get(clipId);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + threadDump());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("ingest") || t.getName().startsWith("clip-cut") || t.getName().equals("retention")) {
                out.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        engine.close();
    }
}
