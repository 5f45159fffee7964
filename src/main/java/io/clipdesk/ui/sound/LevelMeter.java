package io.clipdesk.ui.sound;

/**
 * Measures the sound as it is queued for output, in chunks, and answers for the chunk being heard: per chunk the
 * sample peak and the K-weighted mean square of each channel (ITU-R BS.1770 filters at 48 kHz), kept in a ring
 * long enough for the 400 ms momentary window plus what the output has queued. Written by the sound thread, read
 * by the FX thread; a torn read shows one chunk's levels a pulse early, which nobody can see.
 */
public final class LevelMeter {

    private static final int SLOTS = 128;
    private static final long WINDOW_FRAMES = 48_000 * 400 / 1000;
    private static final long PEAK_FRAMES = 48_000 * 50 / 1000;
    // BS.1770-4 K-weighting at 48 kHz: a high shelf (head), then the RLB high-pass.
    private static final double[] SHELF_B = {1.53512485958697, -2.69169618940638, 1.19839281085285};
    private static final double[] SHELF_A = {-1.69065929318241, 0.73248077421585};
    private static final double[] RLB_B = {1.0, -2.0, 1.0};
    private static final double[] RLB_A = {-1.99004745483398, 0.99007225036621};

    private final long[] startFrame = new long[SLOTS];
    private final int[] frames = new int[SLOTS];
    private final double[][] peak = new double[2][SLOTS];
    private final double[][] squares = new double[2][SLOTS];
    private final double[][] state = new double[2][8];
    private volatile long chunks;

    /** Sound thread: measures {@code count} stereo frames of {@code samples} that start at output frame {@code at}. */
    public void measure(short[] samples, int fromFrame, int count, long at) {
        int slot = (int) (chunks % SLOTS);
        startFrame[slot] = at;
        frames[slot] = count;
        for (int ch = 0; ch < 2; ch++) {
            double max = 0;
            double sum = 0;
            double[] s = state[ch];
            for (int i = 0; i < count; i++) {
                double x = samples[(fromFrame + i) * 2 + ch] / 32768.0;
                max = Math.max(max, Math.abs(x));
                double y = biquad(x, SHELF_B, SHELF_A, s, 0);
                double k = biquad(y, RLB_B, RLB_A, s, 4);
                sum += k * k;
            }
            peak[ch][slot] = max;
            squares[ch][slot] = sum;
        }
        chunks++;
    }

    /** Direct form I; {@code s[o..o+3]} holds x1, x2, y1, y2. */
    private static double biquad(double x, double[] b, double[] a, double[] s, int o) {
        double y = b[0] * x + b[1] * s[o] + b[2] * s[o + 1] - a[0] * s[o + 2] - a[1] * s[o + 3];
        s[o + 1] = s[o];
        s[o] = x;
        s[o + 3] = s[o + 2];
        s[o + 2] = y;
        return y;
    }

    /** The levels of the sound heard at output frame {@code played}; silence before anything was measured. */
    public Levels at(long played) {
        long n = chunks;
        double[] peaks = new double[2];
        double[] sums = new double[2];
        long windowFrames = 0;
        for (long c = n - 1; c >= 0 && c >= n - SLOTS + 1; c--) {
            int slot = (int) (c % SLOTS);
            long start = startFrame[slot];
            if (start > played) {
                continue; // queued, not heard yet
            }
            long age = played - start;
            if (age > WINDOW_FRAMES) {
                break;
            }
            for (int ch = 0; ch < 2; ch++) {
                sums[ch] += squares[ch][slot];
                if (age <= PEAK_FRAMES) {
                    peaks[ch] = Math.max(peaks[ch], peak[ch][slot]);
                }
            }
            windowFrames += frames[slot];
        }
        if (windowFrames == 0) {
            return Levels.SILENCE;
        }
        // The momentary window is always 400 ms: right after a start the missing part counts as silence.
        double w = Math.max(windowFrames, WINDOW_FRAMES);
        return new Levels(Levels.dbfs(peaks[0]), Levels.dbfs(peaks[1]), Levels.lufs(sums[0] / w),
                Levels.lufs(sums[1] / w));
    }
}
