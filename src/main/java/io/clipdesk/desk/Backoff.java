package io.clipdesk.desk;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying a server again: doubling from {@code firstMs} up to {@code maxMs}, each wait drawn
 * between half and all of it, so twenty desks that lost the server at the same moment do not all knock at once when
 * it comes back. One rule for every desk that waits on an engine: the change feed's reconnects and the desk's own
 * polls.
 */
public final class Backoff {

    private final long firstMs;
    private final long maxMs;
    private final DoubleSupplier random;
    private int failures;

    public Backoff(long firstMs, long maxMs) {
        this(firstMs, maxMs, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1): fixed draws make the waits known (tests) */
    public Backoff(long firstMs, long maxMs, DoubleSupplier random) {
        if (firstMs < 1 || maxMs < firstMs) {
            throw new IllegalArgumentException("back-off needs 1 <= firstMs <= maxMs");
        }
        this.firstMs = firstMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The wait before the next try, after one more failure. */
    public synchronized long next() {
        long ceilingMs = maxMs;
        if (failures < 30) {
            ceilingMs = Math.min(maxMs, firstMs << failures);
        }
        failures++;
        return ceilingMs / 2 + (long) (random.getAsDouble() * (ceilingMs - ceilingMs / 2));
    }

    /** A try succeeded: the next failure waits the shortest again. */
    public synchronized void reset() {
        failures = 0;
    }
}
