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

    @Test
    void clipMissingMs_countsTheRangesEdgesWithoutMedia_asWellAsTheHolesInside() {
        List<Segment> media = List.of(at(0, 10_000), at(1, 12_000), at(2, 20_000));
        assertEquals(6_000, DvrGaps.clipMissingMs(media, 10_000, 22_000, 22_000), "the hole inside only");
        assertEquals(6_000 + 3_000, DvrGaps.clipMissingMs(media, 7_000, 22_000, 22_000), "starting 3 s before media");
        assertEquals(6_000 + 2_500, DvrGaps.clipMissingMs(media, 10_000, 24_500, 22_000), "ending 2.5 s after it");
        assertEquals(6_000, DvrGaps.clipMissingMs(media, 10_400, 22_300, 22_000), "edges under 0.5 s are jitter");
        assertEquals(3_000 + 2_500, DvrGaps.edgeMs(7_000, 24_500, 10_000, 22_000));
        assertEquals(0, DvrGaps.edgeMs(11_000, 21_000, 10_000, 22_000), "segments reaching past the range miss nothing");
    }
}
