package io.clipdesk.testing;

import io.clipdesk.engine.ClipEngine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Drives a real engine's test signal with a hand-moved clock: the signal encodes media up to the clock's time
 * as fast as it can, then waits.
 */
public final class LiveFeed {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private LiveFeed() {
    }

    /**
     * Moves the clock on one segment at a time, waiting each time for the DVR to hold media up to it (a source
     * more than two segments behind would skip ahead, as it does live after a suspend).
     */
    public static void produce(MutableClock clock, ClipEngine engine, long streamId, Duration duration) {
        int segmentMs = engine.config().segmentDurationMs();
        for (long stepped = 0; stepped < duration.toMillis(); stepped += segmentMs) {
            clock.advance(Duration.ofMillis(segmentMs));
            long targetMs = clock.millis();
            await("DVR to reach " + targetMs,
                    () -> engine.streams().state(streamId).window().endMs() >= targetMs);
        }
    }

    /** Polls until the condition holds; on time-out the error carries the engine's threads. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + engineThreads());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String engineThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            String name = t.getName();
            if (name.startsWith("ingest") || name.startsWith("clip-cut") || name.equals("retention")
                    || name.equals("expiry")) {
                out.append(name).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        });
        return out.toString();
    }
}
