package io.clipdesk.engine.sound;

import io.clipdesk.engine.InvalidRequestException;

import java.util.List;

/**
 * What a waveform request may ask for and the grid it is answered on: [{@code startMs}, {@code startMs + count ×
 * bucketMs}), buckets a multiple of {@link AudioEnvelope#BUCKET_MS} and aligned to multiples of themselves, so
 * panning along a view keeps every bucket's edges. A long range is answered in wider buckets rather than more of
 * them: a 4 h overview in 2,000 buckets is 7.2 s each, not 720,000 values.
 */
public record WaveformRange(long startMs, int bucketMs, int count) {

    /** A screen is a few thousand pixels wide; more buckets than this only make the answer heavier. */
    public static final int MAX_BUCKETS = 10_000;
    public static final int MIN_BUCKETS = 1;
    public static final int DEFAULT_BUCKETS = 2_000;
    /** Longer than the longest DVR (4 h) with room: an older or newer part holds no sound anyway. */
    public static final long MAX_SPAN_MS = 24 * 3_600_000L;

    public WaveformRange {
        if (bucketMs <= 0 || bucketMs % AudioEnvelope.BUCKET_MS != 0 || count < 1) {
            throw new IllegalArgumentException("a waveform grid needs whole " + AudioEnvelope.BUCKET_MS
                    + " ms buckets and at least one of them");
        }
    }

    /**
     * The grid for [{@code fromMs}, {@code toMs}) in at most {@code maxBuckets} buckets, each as narrow as that
     * allows but never under {@link AudioEnvelope#BUCKET_MS}.
     *
     * @throws InvalidRequestException for an empty or too long range, or a bucket count out of bounds
     */
    public static WaveformRange of(long fromMs, long toMs, int maxBuckets) {
        if (toMs <= fromMs) {
            throw new InvalidRequestException("A waveform range must end after it starts; got from " + seconds(fromMs)
                    + " to " + seconds(toMs) + " (Unix seconds).");
        }
        if (toMs - fromMs > MAX_SPAN_MS) {
            throw new InvalidRequestException("A waveform covers at most " + MAX_SPAN_MS / 3_600_000 + " h at a time; "
                    + "from " + seconds(fromMs) + " to " + seconds(toMs) + " is " + (toMs - fromMs) / 3_600_000
                    + " h. Ask for it in parts.");
        }
        if (maxBuckets < MIN_BUCKETS || maxBuckets > MAX_BUCKETS) {
            throw new InvalidRequestException("buckets must be " + MIN_BUCKETS + "–" + MAX_BUCKETS + ", got "
                    + maxBuckets + ".");
        }
        long spanMs = toMs - fromMs;
        long grid = AudioEnvelope.BUCKET_MS;
        long bucketMs = Math.max(1, -Math.floorDiv(-spanMs, (long) maxBuckets * grid)) * grid;
        while (true) {
            long startMs = Math.floorDiv(fromMs, bucketMs) * bucketMs;
            long count = -Math.floorDiv(-(toMs - startMs), bucketMs);
            if (count <= maxBuckets) {
                return new WaveformRange(startMs, (int) bucketMs, (int) count);
            }
            bucketMs += grid; // the aligned start added one bucket too many
        }
    }

    public long endMs() {
        return startMs + (long) bucketMs * count;
    }

    /**
     * The envelopes' sound on this grid: per bucket the loudest peak and the RMS of the measured buckets inside
     * (by power, so a short loud word is not averaged away by its silence); {@link AudioEnvelope#NO_AUDIO} where
     * none was measured.
     */
    public AudioEnvelope collect(List<AudioEnvelope> sources) {
        short[] peaks = new short[count];
        double[] power = new double[count];
        int[] measured = new int[count];
        java.util.Arrays.fill(peaks, AudioEnvelope.NO_AUDIO);
        for (AudioEnvelope source : sources) {
            if (source.endMs() <= startMs || source.startMs() >= endMs()) {
                continue;
            }
            for (int i = 0; i < source.size(); i++) {
                long j = Math.floorDiv(source.bucketStartMs(i) - startMs, bucketMs);
                if (j < 0 || j >= count || !source.heard(i)) {
                    continue;
                }
                int k = (int) j;
                peaks[k] = (short) Math.max(peaks[k], source.peak(i));
                double rms = AudioEnvelope.amplitude(source.rms(i));
                power[k] += rms * rms;
                measured[k]++;
            }
        }
        short[] rms = new short[count];
        for (int k = 0; k < count; k++) {
            rms[k] = measured[k] == 0 ? AudioEnvelope.NO_AUDIO : AudioEnvelope.level(Math.sqrt(power[k] / measured[k]));
        }
        return new AudioEnvelope(startMs, bucketMs, peaks, rms);
    }

    /** Milliseconds as the wire's Unix seconds, with the fraction only when there is one. */
    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
