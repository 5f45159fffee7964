package io.clipdesk.testing;

import io.clipdesk.engine.sound.AudioEnvelope;

import java.util.ArrayList;
import java.util.List;

/** Finds the test signal's beeps in an envelope: where its peak rises above a threshold. */
public final class Beeps {

    /** The test signal's beep is a 0.5 full-scale sine: anything above half of that is the beep. */
    public static final double LOUD = 0.25;
    /** Between beeps the test signal is digital silence; AAC leaves only noise far below this. */
    public static final double QUIET = 0.01;

    private Beeps() {
    }

    /** Wall-clock ms of each bucket where the peak rises above {@link #LOUD} from below it (or from no audio). */
    public static List<Long> onsets(AudioEnvelope envelope) {
        List<Long> onsets = new ArrayList<>();
        boolean loud = false;
        for (int i = 0; i < envelope.size(); i++) {
            boolean now = envelope.heard(i) && AudioEnvelope.amplitude(envelope.peak(i)) > LOUD;
            if (now && !loud) {
                onsets.add(envelope.bucketStartMs(i));
            }
            loud = now;
        }
        return onsets;
    }

    /**
     * Buckets measured as louder than {@link #QUIET} that lie further than {@code marginMs} from every onset's
     * beep of {@code beepMs}: sound where there should be silence.
     */
    public static List<Long> noiseOutside(AudioEnvelope envelope, List<Long> onsets, long beepMs, long marginMs) {
        List<Long> noisy = new ArrayList<>();
        for (int i = 0; i < envelope.size(); i++) {
            long t = envelope.bucketStartMs(i);
            boolean nearBeep = onsets.stream().anyMatch(o -> t >= o - marginMs && t < o + beepMs + marginMs);
            if (!nearBeep && envelope.heard(i) && AudioEnvelope.amplitude(envelope.peak(i)) > QUIET) {
                noisy.add(t);
            }
        }
        return noisy;
    }
}
