package io.clipdesk.engine.dvr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DvrGapsTest {

    private static Segment at(long sequence, long startMs) {
        return new Segment(1, sequence, startMs, 2_000_000, false);
    }

    @Test
    void missingMs_seamlessRun_isZero() {
        assertEquals(0, DvrGaps.missingMs(List.of(at(0, 0), at(1, 2_000), at(2, 4_000))));
        assertEquals(0, DvrGaps.missingMs(List.of()));
        assertEquals(0, DvrGaps.missingMs(List.of(at(0, 0))));
    }

    @Test
    void missingMs_sumsEveryHoleBetweenSegments() {
        List<Segment> run = List.of(at(0, 0), at(1, 2_000), at(2, 16_000), at(3, 18_000), at(4, 23_000));
        assertEquals(12_000 + 3_000, DvrGaps.missingMs(run));
    }

    @Test
    void stampJitterBelowHalfASecond_isNotAGap() {
        assertFalse(DvrGaps.isGap(2_000, 2_001));
        assertFalse(DvrGaps.isGap(2_000, 2_499));
        assertFalse(DvrGaps.isGap(2_000, 1_990), "an overlap misses nothing");
        assertTrue(DvrGaps.isGap(2_000, 2_500));
        assertEquals(0, DvrGaps.missingMs(List.of(at(0, 0), at(1, 2_040), at(2, 4_040))));
    }
}
