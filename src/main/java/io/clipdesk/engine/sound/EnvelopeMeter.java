package io.clipdesk.engine.sound;

import java.util.Arrays;

/**
 * Turns decoded audio into an {@link AudioEnvelope}: samples are placed on the wall clock by the time of their
 * block's first sample and summed into {@link AudioEnvelope#BUCKET_MS} buckets. {@link #take()} hands over what
 * was added since the last take, so one meter follows a source from segment to segment; a bucket split by a
 * segment boundary appears in both envelopes, each with its own samples' levels. Not thread-safe: the ingest
 * thread owns it.
 */
public final class EnvelopeMeter {

    private static final long BUCKET_US = AudioEnvelope.BUCKET_MS * 1000L;
    /** Far more than one segment's audio; a block further from the first is a broken timestamp, not sound. */
    private static final int MAX_BUCKETS = 6_000;

    private long firstBucket = Long.MIN_VALUE;
    private int used;
    private float[] peaks = new float[128];
    private double[] sumSquares = new double[128];
    private int[] counts = new int[128];

    /**
     * Adds {@code samples} samples of each channel's plane, sounding from {@code wallUs} (µs since the epoch) at
     * {@code sampleRate}. Blocks that reach back before the first bucket of this take lose those samples.
     */
    public void add(float[][] planes, int samples, int sampleRate, long wallUs) {
        if (samples <= 0 || planes.length == 0 || sampleRate <= 0) {
            return;
        }
        int j = 0;
        while (j < samples) {
            long sampleUs = wallUs + j * 1_000_000L / sampleRate;
            long bucket = Math.floorDiv(sampleUs, BUCKET_US);
            long nextUs = (bucket + 1) * BUCKET_US;
            // First sample at or after the next bucket's start.
            int end = (int) Math.min(samples, Math.max(j + 1,
                    -Math.floorDiv(-(nextUs - wallUs) * sampleRate, 1_000_000L)));
            int slot = slot(bucket);
            if (slot >= 0) {
                accumulate(slot, planes, j, end);
            }
            j = end;
        }
    }

    /** Everything added since the last take (an empty envelope when nothing was), and starts afresh. */
    public AudioEnvelope take() {
        if (used == 0) {
            return AudioEnvelope.EMPTY;
        }
        short[] peak = new short[used];
        short[] rms = new short[used];
        for (int i = 0; i < used; i++) {
            if (counts[i] == 0) {
                peak[i] = AudioEnvelope.NO_AUDIO;
                rms[i] = AudioEnvelope.NO_AUDIO;
            } else {
                peak[i] = AudioEnvelope.level(peaks[i]);
                rms[i] = AudioEnvelope.level(Math.sqrt(sumSquares[i] / counts[i]));
            }
        }
        AudioEnvelope envelope = new AudioEnvelope(firstBucket * AudioEnvelope.BUCKET_MS, AudioEnvelope.BUCKET_MS,
                peak, rms);
        firstBucket = Long.MIN_VALUE;
        Arrays.fill(peaks, 0, used, 0f);
        Arrays.fill(sumSquares, 0, used, 0);
        Arrays.fill(counts, 0, used, 0);
        used = 0;
        return envelope;
    }

    private int slot(long bucket) {
        if (firstBucket == Long.MIN_VALUE) {
            firstBucket = bucket;
        }
        long slot = bucket - firstBucket;
        if (slot < 0 || slot >= MAX_BUCKETS) {
            return -1;
        }
        if (slot >= peaks.length) {
            int capacity = Math.max((int) slot + 1, peaks.length * 2);
            peaks = Arrays.copyOf(peaks, capacity);
            sumSquares = Arrays.copyOf(sumSquares, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        used = Math.max(used, (int) slot + 1);
        return (int) slot;
    }

    private void accumulate(int slot, float[][] planes, int from, int to) {
        float peak = peaks[slot];
        double sum = 0;
        for (float[] plane : planes) {
            for (int j = from; j < to; j++) {
                float v = plane[j];
                float a = Math.abs(v);
                if (a > peak) {
                    peak = a;
                }
                sum += v * v;
            }
        }
        peaks[slot] = peak;
        sumSquares[slot] += sum;
        counts[slot] += (to - from) * planes.length;
    }
}
