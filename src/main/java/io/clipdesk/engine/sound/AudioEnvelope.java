package io.clipdesk.engine.sound;

import java.util.Arrays;

/**
 * How loud the audio was, bucket by bucket on the wall clock: bucket {@code i} covers
 * [{@code startMs + i × bucketMs}, {@code startMs + (i+1) × bucketMs}). Per bucket the peak (largest |sample|
 * over all channels) and the RMS (over all samples of all channels), both as a level 0–{@link #FULL_SCALE} of
 * digital full scale, or {@link #NO_AUDIO} where nothing was heard (a gap, a source without sound).
 *
 * <p>Channels are mixed into one envelope: the timeline draws one band to find pauses and beats by eye, and a
 * sound panned hard to one side still shows at its full peak; per-channel levels are the meters' business.
 * A segment's envelope has {@link #BUCKET_MS} buckets aligned to multiples of it since the epoch, so
 * envelopes of neighbouring segments (and of any two streams) share one grid; a served waveform is the same
 * shape with wider buckets.
 */
public record AudioEnvelope(long startMs, int bucketMs, short[] peaks, short[] rms) {

    /** The resolution measured at ingest: one video frame at 50 fps, fine enough to find a word's edge. */
    public static final int BUCKET_MS = 20;
    public static final short FULL_SCALE = Short.MAX_VALUE;
    public static final short NO_AUDIO = -1;
    public static final AudioEnvelope EMPTY = new AudioEnvelope(0, BUCKET_MS, new short[0], new short[0]);

    public AudioEnvelope {
        if (bucketMs <= 0 || bucketMs % BUCKET_MS != 0) {
            throw new IllegalArgumentException("bucket must be a positive multiple of " + BUCKET_MS + " ms, got "
                    + bucketMs);
        }
        if (Math.floorMod(startMs, bucketMs) != 0) {
            throw new IllegalArgumentException("an envelope starts on its bucket grid, not at " + startMs);
        }
        if (peaks.length != rms.length) {
            throw new IllegalArgumentException("peaks and rms differ in length: " + peaks.length + " vs " + rms.length);
        }
        peaks = peaks.clone();
        rms = rms.clone();
    }

    public int size() {
        return peaks.length;
    }

    public boolean isEmpty() {
        return peaks.length == 0;
    }

    public long endMs() {
        return startMs + (long) bucketMs * peaks.length;
    }

    /** Start of bucket {@code i}. */
    public long bucketStartMs(int i) {
        return startMs + (long) bucketMs * i;
    }

    public short peak(int i) {
        return peaks[i];
    }

    public short rms(int i) {
        return rms[i];
    }

    public boolean heard(int i) {
        return peaks[i] != NO_AUDIO;
    }

    /** Copies, so the record stays unchanged whatever a caller does with the array. */
    @Override
    public short[] peaks() {
        return peaks.clone();
    }

    @Override
    public short[] rms() {
        return rms.clone();
    }

    /** The level of an amplitude (0–1 of full scale; louder is clipped to full scale). */
    public static short level(double amplitude) {
        return (short) Math.round(Math.max(0, Math.min(1, amplitude)) * FULL_SCALE);
    }

    /** The amplitude (0–1 of full scale) of a level; {@link #NO_AUDIO} has none and gives NaN. */
    public static double amplitude(short level) {
        return level < 0 ? Double.NaN : level / (double) FULL_SCALE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioEnvelope e && e.startMs == startMs && e.bucketMs == bucketMs
                && Arrays.equals(e.peaks, peaks) && Arrays.equals(e.rms, rms);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startMs) * 31 + Arrays.hashCode(peaks);
    }

    @Override
    public String toString() {
        return "AudioEnvelope[" + startMs + "+" + size() + "×" + bucketMs + " ms]";
    }
}
