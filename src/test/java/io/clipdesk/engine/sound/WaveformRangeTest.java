package io.clipdesk.engine.sound;

import io.clipdesk.engine.InvalidRequestException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaveformRangeTest {

    private static final long T0 = 1_716_562_000_000L;

    @Test
    void of_shortRange_answersIn20msBucketsOnTheirGrid() {
        WaveformRange r = WaveformRange.of(T0 + 7, T0 + 1_000, 2_000);
        assertEquals(20, r.bucketMs());
        assertEquals(T0, r.startMs(), "aligned down to the 20 ms grid");
        assertEquals(50, r.count());
    }

    @Test
    void of_fourHours_widensTheBucketsInsteadOfShippingMoreThanAsked() {
        long aligned = T0 / 7_200 * 7_200;
        WaveformRange r = WaveformRange.of(aligned, aligned + 4 * 3_600_000L, 2_000);
        assertEquals(7_200, r.bucketMs());
        assertEquals(2_000, r.count());
        WaveformRange unaligned = WaveformRange.of(T0 + 3_000, T0 + 3_000 + 4 * 3_600_000L, 2_000);
        assertTrue(unaligned.count() <= 2_000, "alignment never adds a bucket past the limit: " + unaligned);
        assertEquals(7_220, unaligned.bucketMs(), "one grid step wider instead");
        assertEquals(0, unaligned.startMs() % unaligned.bucketMs());
        assertTrue(unaligned.startMs() <= T0 + 3_000 && unaligned.endMs() >= T0 + 3_000 + 4 * 3_600_000L);
    }

    @Test
    void of_badRanges_areRefusedWithTheRangeInTheSentence() {
        InvalidRequestException backwards = assertThrows(InvalidRequestException.class,
                () -> WaveformRange.of(T0 + 1_000, T0, 100));
        assertEquals("A waveform range must end after it starts; got from 1716562001 to 1716562000 (Unix seconds).",
                backwards.getMessage());
        assertThrows(InvalidRequestException.class, () -> WaveformRange.of(T0, T0, 100));
        assertThrows(InvalidRequestException.class, () -> WaveformRange.of(T0, T0 + WaveformRange.MAX_SPAN_MS + 1, 100));
        assertThrows(InvalidRequestException.class, () -> WaveformRange.of(T0, T0 + 1_000, 0));
        assertThrows(InvalidRequestException.class,
                () -> WaveformRange.of(T0, T0 + 1_000, WaveformRange.MAX_BUCKETS + 1));
    }

    @Test
    void collect_takesTheLoudestPeakAndThePowerMeanOfRms_andLeavesUnheardBucketsUnheard() {
        AudioEnvelope quietThenLoud = new AudioEnvelope(T0, 20,
                new short[] {level(0.1), level(0.8), AudioEnvelope.NO_AUDIO, level(0.2)},
                new short[] {level(0.0), level(0.4), AudioEnvelope.NO_AUDIO, level(0.2)});
        WaveformRange r = new WaveformRange(T0, 40, 3);
        AudioEnvelope out = r.collect(List.of(quietThenLoud));

        assertEquals(level(0.8), out.peak(0));
        assertEquals(0.4 / Math.sqrt(2), AudioEnvelope.amplitude(out.rms(0)), 1e-4, "by power, not by amplitude");
        assertEquals(level(0.2), out.peak(1), "the unheard bucket does not dilute the heard one");
        assertEquals(level(0.2), out.rms(1));
        assertEquals(AudioEnvelope.NO_AUDIO, out.peak(2), "nothing measured: no audio, not silence");
    }

    @Test
    void collect_aBucketSplitBetweenTwoSegments_keepsTheLouderHalfsPeak() {
        AudioEnvelope endOfOne = new AudioEnvelope(T0, 20, new short[] {level(0.3)}, new short[] {level(0.2)});
        AudioEnvelope startOfNext = new AudioEnvelope(T0, 20, new short[] {level(0.6)}, new short[] {level(0.4)});
        AudioEnvelope out = WaveformRange.of(T0, T0 + 20, 10).collect(List.of(endOfOne, startOfNext));
        assertEquals(1, out.size());
        assertEquals(level(0.6), out.peak(0));
    }

    private static short level(double amplitude) {
        return AudioEnvelope.level(amplitude);
    }
}
