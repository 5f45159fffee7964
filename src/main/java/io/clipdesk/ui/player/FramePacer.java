package io.clipdesk.ui.player;

import java.util.concurrent.TimeUnit;

/**
 * When the player's next picture is due: media time mapped onto the monotonic clock from an anchor, so pacing
 * follows the frames' own timestamps and never drifts. A picture far late (slow decode) or a jump in media
 * time moves the anchor instead of making the player race to catch up.
 */
final class FramePacer {

    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private long anchorNanos;
    private long anchorMs;
    private long dueNanos;

    void anchor(long nanos, long mediaMs) {
        anchorNanos = nanos;
        anchorMs = mediaMs;
    }

    /** The picture at {@code atMs} has just been shown; the next one is due a frame later at {@code rate}. */
    void shown(long atMs, long frameDurationMs, double rate, long now) {
        shown(atMs, frameDurationMs, rate, now, LATE_NANOS);
    }

    /**
     * As {@link #shown(long, long, int, long)}, tolerating up to {@code maxLateNanos} of lateness: following the
     * live edge, a player that fell behind decodes flat out to win its latency back instead of keeping it.
     */
    void shown(long atMs, long frameDurationMs, double rate, long now, long maxLateNanos) {
        long frameNanos = (long) (TimeUnit.MILLISECONDS.toNanos(frameDurationMs) / Math.abs(rate));
        long due = anchorNanos + (long) (TimeUnit.MILLISECONDS.toNanos(atMs - anchorMs) / rate) + frameNanos;
        if (rate < 0 || due < now - maxLateNanos || due > now + LATE_NANOS + frameNanos) {
            anchor(now, atMs);
            due = now + frameNanos;
        }
        dueNanos = due;
    }

    /** Look again after {@code nanos} (waiting for a segment, shuttling). */
    void retryIn(long now, long nanos) {
        dueNanos = now + nanos;
    }

    long dueNanos() {
        return dueNanos;
    }
}
