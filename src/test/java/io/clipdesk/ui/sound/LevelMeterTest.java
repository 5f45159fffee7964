package io.clipdesk.ui.sound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters' figures against BS.1770 / EBU R128 reference values, fed as the sound thread feeds them. */
class LevelMeterTest {

    private static final int RATE = 48_000;
    private static final int CHUNK = RATE / 100;

    /** Writes {@code ms} of a 1 kHz sine of amplitude {@code left}/{@code right} in 10 ms chunks from frame {@code at}. */
    private static long feed(LevelMeter meter, long at, int ms, double left, double right) {
        short[] chunk = new short[CHUNK * 2];
        for (int c = 0; c < ms / 10; c++) {
            for (int i = 0; i < CHUNK; i++) {
                double s = Math.sin(2 * Math.PI * 1000 * (at + i) / RATE);
                chunk[i * 2] = (short) Math.round(s * left * 32767);
                chunk[i * 2 + 1] = (short) Math.round(s * right * 32767);
            }
            meter.measure(chunk, 0, CHUNK, at);
            at += CHUNK;
        }
        return at;
    }

    @Test
    void sineAtMinus6Dbfs_readsMinus9LufsMomentary_andMinus6DbfsPeak() {
        LevelMeter meter = new LevelMeter();
        long end = feed(meter, 0, 600, 0.5, 0.0);
        Levels l = meter.at(end - 1);
        // BS.1770: a 0 dBFS 1 kHz sine in one channel reads −3.01 LKFS; 6.02 dB lower reads −9.03.
        assertEquals(-9.03, l.momentaryLeftLufs(), 0.1);
        assertEquals(-6.02, l.peakLeftDbfs(), 0.05);
        assertEquals(Levels.FLOOR, l.momentaryRightLufs());
        assertFalse(l.clipped());
    }

    @Test
    void shortBeep_countsAsAQuarterOfTheFourHundredMsWindow() {
        LevelMeter meter = new LevelMeter();
        long at = feed(meter, 0, 300, 0, 0);
        at = feed(meter, at, 100, 0.5, 0.5);
        at = feed(meter, at, 300, 0, 0);
        Levels l = meter.at(at - 300 * RATE / 1000 + 10);
        assertEquals(-9.03 - 6.02, l.momentaryLeftLufs(), 0.2); // 100 of 400 ms: a quarter of the energy
    }

    @Test
    void levels_areThoseOfTheChunkHeard_notOfTheChunksQueuedAfterIt() {
        LevelMeter meter = new LevelMeter();
        long at = feed(meter, 0, 500, 0, 0);
        feed(meter, at, 200, 1.0, 1.0);
        assertEquals(Levels.SILENCE, meter.at(at - 1));
        assertTrue(meter.at(at + CHUNK).clipped(), "a full-scale sine lights the clip indicator");
    }
}
