package io.clipdesk.engine.delivery;

/**
 * How often and how soon a failed send is tried again: exponential back-off from {@code firstDelayMs}, doubling up
 * to {@code maxDelayMs}, at most {@code maxAttempts} attempts in all. The default gives a receiver that is restarting
 * about a minute (2 + 4 + 8 + 16 + 32 s) before the delivery is reported failed.
 */
public record RetryPolicy(int maxAttempts, long firstDelayMs, long maxDelayMs) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, 2_000, 60_000);

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelayMs < 0 || maxDelayMs < firstDelayMs) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 <= firstDelayMs <= maxDelayMs");
        }
    }

    /** Whether another attempt may follow the {@code attempts} made so far. */
    public boolean allowsAnother(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the {@code attempt}-th attempt failed (1-based). */
    public long delayAfterMs(int attempt) {
        long delay = firstDelayMs;
        for (int i = 1; i < attempt && delay < maxDelayMs; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMs);
    }
}
