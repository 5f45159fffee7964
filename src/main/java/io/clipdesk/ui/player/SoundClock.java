package io.clipdesk.ui.player;

/**
 * Which media time the listener hears now: every chunk queued on the output is noted with its first output frame
 * and the media time it carries, and the output's played position, sampled after each write and extrapolated on
 * the monotonic clock, picks the chunk. Through ALSA's pulse plugin the position moves in steps (the sound server
 * takes ~60 ms at a time), so a sample is up to a step behind what is heard: the position is the upper envelope
 * of the recent samples, each carried on at the sample rate, which is exact at the sample taken just after a step. A chunk is media (time advances at its rate), a hold (silence while the
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
    /** Samples older than this no longer bound the position: longer than the sound server's steps. */
    private static final long ENVELOPE_NANOS = 300_000_000L;
    /**
     * A sample this far below the envelope means the output stood still (it ran dry, the server stalled): the
     * envelope starts over from it. More than one of the server's steps, so a step alone never restarts it.
     */
    private static final long STALL_FRAMES = SoundOutput.SAMPLE_RATE * 90 / 1000;
    private static final int SAMPLES = 64;

    private volatile long chunks;
    private volatile long writtenFrames;
    /** When output frame 0 would have been heard, had the output never stood still: the envelope's origin. */
    private volatile long originNanos = Long.MAX_VALUE;
    private volatile long lastPlayedFrames;
    private final long[] sampleOrigin = new long[SAMPLES];
    private final long[] sampleNanos = new long[SAMPLES];
    private int samples;
    private int firstSample;

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

    /** Sound thread: the output reported {@code frames} played at {@code nanos} (samples in time order). */
    void played(long frames, long nanos) {
        long origin = nanos - frames * 1_000_000_000L / SoundOutput.SAMPLE_RATE;
        long envelope = originNanos == Long.MAX_VALUE ? frames : framesSince(originNanos, nanos);
        if (frames < envelope - STALL_FRAMES) {
            samples = 0;
        }
        while (samples > 0 && (samples == SAMPLES || sampleNanos[firstSample] < nanos - ENVELOPE_NANOS)) {
            firstSample = (firstSample + 1) % SAMPLES;
            samples--;
        }
        int slot = (firstSample + samples) % SAMPLES;
        sampleOrigin[slot] = origin;
        sampleNanos[slot] = nanos;
        samples++;
        long earliest = origin;
        for (int i = 0; i < samples; i++) {
            earliest = Math.min(earliest, sampleOrigin[(firstSample + i) % SAMPLES]);
        }
        lastPlayedFrames = frames;
        originNanos = earliest;
    }

    private static long framesSince(long origin, long nanos) {
        return (nanos - origin) * SoundOutput.SAMPLE_RATE / 1_000_000_000L;
    }

    /** Output frames heard by {@code nanos}: never more than were written (the output ran dry there). */
    long playedFramesAt(long nanos) {
        long origin = originNanos;
        if (origin == Long.MAX_VALUE) {
            return 0;
        }
        return Math.min(writtenFrames, Math.max(lastPlayedFrames, framesSince(origin, nanos)));
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
