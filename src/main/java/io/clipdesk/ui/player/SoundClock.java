package io.clipdesk.ui.player;

/**
 * Which media time the listener hears now: every chunk queued on the output is noted with its first output frame
 * and the media time it carries, and the output's played position, sampled after each write and extrapolated on
 * the monotonic clock, picks the chunk. A chunk is media (time advances at its rate), a hold (silence while the
 * next segment is awaited: time stands still) or plain silence (no time: the picture keeps its own pace).
 * Written by the sound thread, read by the player thread.
 */
final class SoundClock {

    /** Rate of a chunk that carries no media time. */
    static final double NO_TIME = Double.NaN;
    /** What {@link #mediaMsAt} says while only chunks queued before the latest request are heard. */
    static final long STALE = Long.MIN_VALUE + 2;
    private static final int SLOTS = 128;

    private final long[] startFrame = new long[SLOTS];
    private final long[] mediaUs = new long[SLOTS];
    private final double[] rate = new double[SLOTS];
    private final long[] generation = new long[SLOTS];
    private volatile long chunks;
    private volatile long playedFrames;
    private volatile long playedAtNanos;
    private volatile long writtenFrames;

    /** Sound thread: a chunk starting at output frame {@code at}; rate 0 for a hold, {@link #NO_TIME} for silence. */
    void queued(long at, int frames, long chunkMediaUs, double chunkRate, long requestGeneration) {
        int slot = (int) (chunks % SLOTS);
        startFrame[slot] = at;
        mediaUs[slot] = chunkMediaUs;
        rate[slot] = chunkRate;
        generation[slot] = requestGeneration;
        writtenFrames = at + frames;
        chunks++;
    }

    /** Sound thread: the output reported {@code frames} played at {@code nanos}. */
    void played(long frames, long nanos) {
        playedFrames = frames;
        playedAtNanos = nanos;
    }

    long playedFramesAt(long nanos) {
        long extra = (nanos - playedAtNanos) * SoundOutput.SAMPLE_RATE / 1_000_000_000L;
        return Math.min(writtenFrames, playedFrames + Math.max(0, extra));
    }

    /**
     * Media time in ms heard at {@code nanos}; {@link PlayerCommand#NONE} for silence, {@link #STALE} while the
     * chunk heard was queued before request {@code sinceGeneration}.
     */
    long mediaMsAt(long nanos, long sinceGeneration) {
        long played = playedFramesAt(nanos);
        long n = chunks;
        for (long c = n - 1; c >= 0 && c > n - SLOTS; c--) {
            int slot = (int) (c % SLOTS);
            if (startFrame[slot] > played) {
                continue;
            }
            double r = rate[slot];
            if (generation[slot] < sinceGeneration) {
                return STALE;
            }
            if (Double.isNaN(r)) {
                return PlayerCommand.NONE;
            }
            long intoUs = (played - startFrame[slot]) * 1_000_000L / SoundOutput.SAMPLE_RATE;
            return (mediaUs[slot] + Math.round(intoUs * r)) / 1000;
        }
        return STALE;
    }
}
