package io.clipdesk.api.streams;

import io.clipdesk.engine.sound.AudioEnvelope;

import java.util.ArrayList;
import java.util.List;

/**
 * (ext) A stream's waveform: {@code count} buckets of {@code bucket_ms} from {@code start_ms} (wall clock, Unix ms)
 * to {@code end_ms}; per bucket the peak and the RMS as fractions of digital full scale (0–1, 4 decimals), channels
 * mixed, or null where the DVR holds no sound (a gap, a source without audio, media already gone).
 */
record WaveformDto(long streamId, long startMs, long endMs, int bucketMs, int count, List<Double> peak,
                   List<Double> rms) {

    static WaveformDto of(long streamId, AudioEnvelope envelope) {
        List<Double> peak = new ArrayList<>(envelope.size());
        List<Double> rms = new ArrayList<>(envelope.size());
        for (int i = 0; i < envelope.size(); i++) {
            peak.add(fraction(envelope.peak(i)));
            rms.add(fraction(envelope.rms(i)));
        }
        return new WaveformDto(streamId, envelope.startMs(), envelope.endMs(), envelope.bucketMs(), envelope.size(),
                peak, rms);
    }

    /** 4 decimals reach down to -80 dBFS, below any pause's room noise; more would only lengthen the answer. */
    private static Double fraction(short level) {
        return level < 0 ? null : Math.round(AudioEnvelope.amplitude(level) * 10_000) / 10_000.0;
    }
}
