package io.clipdesk.ui.timeline;

import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.ui.dvr.WaveformPyramid;

/** Waveforms made by hand for the timeline's tests and its repaint benchmark. */
final class WaveformSamples {

    private WaveformSamples() {
    }

    /**
     * {@code lengthMs} from {@code t0} of one 100 ms beep (0.5 of full scale) per second, except {@code stretchMs}
     * of silence from {@code silentFrom} and as long without any sound measured from {@code noAudioFrom}; fed in
     * chunks of 200 s, as the desk fetches it.
     */
    static WaveformPyramid beeps(long t0, long lengthMs, long silentFrom, long noAudioFrom, long stretchMs) {
        WaveformPyramid pyramid = WaveformPyramid.EMPTY;
        int chunk = 10_000;
        for (long start = t0 / 20 * 20; start < t0 + lengthMs; start += chunk * 20L) {
            short[] peaks = new short[chunk];
            short[] rms = new short[chunk];
            for (int i = 0; i < chunk; i++) {
                long t = start + i * 20L;
                boolean beep = Math.floorMod(t, 1000) < 100 && (t < silentFrom || t >= silentFrom + stretchMs);
                boolean unheard = t >= noAudioFrom && t < noAudioFrom + stretchMs;
                peaks[i] = unheard ? AudioEnvelope.NO_AUDIO : AudioEnvelope.level(beep ? 0.5 : 0);
                rms[i] = unheard ? AudioEnvelope.NO_AUDIO : AudioEnvelope.level(beep ? 0.35 : 0);
            }
            pyramid = pyramid.with(new AudioEnvelope(start, 20, peaks, rms));
        }
        return pyramid;
    }
}
