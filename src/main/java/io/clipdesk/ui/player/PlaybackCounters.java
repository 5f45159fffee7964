package io.clipdesk.ui.player;

/** The player thread's running tallies, turned into a {@link PlayerStatus} for everyone else. */
final class PlaybackCounters {

    long framesDecoded;
    long holds;
    long heldMs;
    long liveJumps;
    long recoveries;
    long latencyMs;
    long seekMs;
    String problem = "";

    /** A wait for the next segment; waits shorter than a frame are the normal jitter of ingest, not counted. */
    void hold(long heldNanos, long frameDurationMs) {
        long ms = heldNanos / 1_000_000;
        if (ms > frameDurationMs) {
            holds++;
            heldMs += ms;
        }
    }

    PlayerStatus status(long frameMs, boolean playing, double rate, boolean live) {
        return new PlayerStatus(frameMs, playing, rate, live, latencyMs, framesDecoded, holds, heldMs, liveJumps,
                recoveries, seekMs, problem);
    }
}
