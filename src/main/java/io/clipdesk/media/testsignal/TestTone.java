package io.clipdesk.media.testsignal;

/**
 * The test signal's sound: silence with a 100 ms 1 kHz beep starting on every whole wall-clock second, so it
 * coincides with {@link TestPattern}'s flash. Samples are addressed by their wall-clock position, so the beep
 * lands on the second whatever the stream's start time.
 */
final class TestTone {

    static final int SAMPLE_RATE = 48_000;
    static final int BEEP_SAMPLES = SAMPLE_RATE / 10;
    private static final int CYCLE_SAMPLES = SAMPLE_RATE / 1000;
    private static final float AMPLITUDE = 0.5f;

    private final float[] cycle = new float[CYCLE_SAMPLES];
    private final long originSample;

    /** @param originMs wall-clock time of media sample 0 (epoch milliseconds) */
    TestTone(long originMs) {
        this.originSample = originMs * (SAMPLE_RATE / 1000);
        for (int i = 0; i < CYCLE_SAMPLES; i++) {
            cycle[i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * i / CYCLE_SAMPLES));
        }
    }

    /** Writes {@code target.length} samples starting at media sample {@code firstSample}. */
    void fill(float[] target, long firstSample) {
        for (int i = 0; i < target.length; i++) {
            int inSecond = (int) Math.floorMod(originSample + firstSample + i, (long) SAMPLE_RATE);
            target[i] = inSecond < BEEP_SAMPLES ? cycle[inSecond % CYCLE_SAMPLES] : 0f;
        }
    }
}
