package io.clipdesk.ui.player;

import java.time.Clock;

/**
 * Live play that waits (a stall of the source, a busy machine, a slow start) stays behind by every wait, because
 * it then goes on from where it stood: over a day at the desk the waits add up. Where it has fallen
 * {@link #DRIFT_MS} further behind the wall clock than {@link LiveEdge#BEHIND_MS}, it goes on from that distance
 * again, as a broadcast monitor does, within what has arrived: a skip of the stretch in between, at most once
 * every {@link #INTERVAL_MS} so a source that keeps stalling is not chopped up. One owner thread (the picture's or
 * the sound's: each keeps its own).
 */
final class LiveDrift {

    static final long DRIFT_MS = 300;
    static final long INTERVAL_MS = 10_000;
    /** Sound kept queued ahead of where it goes on from: it arrives in bursts (an AAC PES of several frames). */
    static final long KEEP_MS = 200;
    /** A skip shorter than this is not worth its cut. */
    private static final long MIN_SKIP_MS = 150;

    private final Clock clock;
    private long skippedAtMs = Long.MIN_VALUE / 2;

    LiveDrift(Clock clock) {
        this.clock = clock;
    }

    /** How far the play standing at {@code atMs} is behind the wall clock. */
    long behindMs(long atMs) {
        return clock.millis() - atMs;
    }

    /**
     * Where live play standing at {@code atMs} goes on from, when it drifted behind; {@link PlayerCommand#NONE}
     * when it is near enough the live edge, skipped a moment ago, or what has arrived would not take it far enough.
     *
     * @param arrivedMs the end of what has arrived of the segment being written ({@code Long.MAX_VALUE} when
     *                  reading waits for it)
     */
    long skipToMs(long atMs, long arrivedMs) {
        long now = clock.millis();
        if (now - atMs <= LiveEdge.BEHIND_MS + DRIFT_MS || now - skippedAtMs < INTERVAL_MS) {
            return PlayerCommand.NONE;
        }
        long kept = arrivedMs == Long.MAX_VALUE ? Long.MAX_VALUE : arrivedMs - KEEP_MS;
        long to = Math.min(now - LiveEdge.BEHIND_MS, kept);
        if (to - atMs < MIN_SKIP_MS) {
            return PlayerCommand.NONE;
        }
        skippedAtMs = now;
        return to;
    }
}
