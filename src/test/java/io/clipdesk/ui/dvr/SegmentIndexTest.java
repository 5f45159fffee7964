package io.clipdesk.ui.dvr;

import io.clipdesk.engine.dvr.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SegmentIndexTest {

    private static final long T0 = 1_716_562_000_000L;

    static List<Segment> twoSecondSegments(long firstSeq, int count) {
        List<Segment> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Segment(1, firstSeq + i, T0 + i * 2000L, 2_000_000, false));
        }
        return list;
    }

    @Test
    void indexAt_findsTheSegmentPlayingAtATime() {
        SegmentIndex index = SegmentIndex.of(twoSecondSegments(100, 7200));
        assertEquals(0, index.indexAt(T0));
        assertEquals(0, index.indexAt(T0 + 1999));
        assertEquals(1, index.indexAt(T0 + 2000));
        assertEquals(7199, index.indexAt(T0 + 7199 * 2000L + 5));
    }

    @Test
    void indexAt_outsideTheDvr_isMinusOneBeforeAndSizeAfter() {
        SegmentIndex index = SegmentIndex.of(twoSecondSegments(0, 10));
        assertEquals(-1, index.indexAt(T0 - 1));
        assertEquals(10, index.indexAt(T0 + 20_000));
    }

    @Test
    void indexAt_inAGap_isTheNextSegment() {
        SegmentIndex index = SegmentIndex.of(List.of(
                new Segment(1, 1, T0, 2_000_000, false),
                new Segment(1, 2, T0 + 5000, 2_000_000, true)));
        assertEquals(1, index.indexAt(T0 + 3000));
    }

    @Test
    void append_addsNewerSegmentsAndIgnoresOldOnes() {
        SegmentIndex index = SegmentIndex.of(twoSecondSegments(5, 3));
        SegmentIndex more = index.append(new Segment(1, 8, T0 + 6000, 2_000_000, false));
        assertEquals(3, index.size());
        assertEquals(4, more.size());
        assertEquals(T0 + 8000, more.lastEndMs());
        assertSame(more, more.append(new Segment(1, 6, T0, 2_000_000, false)));
        assertEquals(3, more.indexOfSequence(8));
        assertEquals(-1, more.indexOfSequence(9));
    }

    @Test
    void dropEndedBy_removesWhatTheTailRolledPast() {
        SegmentIndex index = SegmentIndex.of(twoSecondSegments(10, 5));
        SegmentIndex trimmed = index.dropEndedBy(T0 + 4000);
        assertEquals(3, trimmed.size());
        assertEquals(12, trimmed.sequence(0));
        assertSame(index, index.dropEndedBy(T0));
        assertEquals(0, index.dropEndedBy(T0 + 10_000).size());
    }
}
