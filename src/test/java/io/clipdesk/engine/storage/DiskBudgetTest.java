package io.clipdesk.engine.storage;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.stream.Rendition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskBudgetTest {

    private static final long MB = 1L << 20;

    /** Stream 1 started at 0 s, stream 2 at 5 s; 2 s segments of 1 MB each. */
    private static List<Segment> twoStreams(int each) {
        List<Segment> all = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            all.add(new Segment(1, i, i * 2000L, 2_000_000, false));
            all.add(new Segment(2, i, 5000 + i * 2000L, 2_000_000, false));
        }
        return all;
    }

    private static List<String> names(List<Segment> segments) {
        return segments.stream().map(s -> s.streamId() + "/" + s.sequence()).toList();
    }

    @Test
    void toDrop_shortOfTheTarget_dropsTheOldestAcrossAllStreams_untilTheTargetIsFree() {
        List<Segment> drop = DiskBudget.toDrop(twoStreams(5), s -> MB, 10 * MB, 13 * MB);

        assertEquals(List.of("1/0", "1/1", "1/2"), names(drop), "stream 1's 0–6 s is older than stream 2's 5 s");
    }

    @Test
    void toDrop_interleavesStreamsByWallClock() {
        List<Segment> drop = DiskBudget.toDrop(twoStreams(5), s -> MB, 0, 6 * MB);

        assertEquals(List.of("1/0", "1/1", "1/2", "2/0", "1/3", "2/1"), names(drop));
    }

    @Test
    void toDrop_neverTakesAStreamsNewestSegment_soItsLiveEdgeStillPlays() {
        List<Segment> drop = DiskBudget.toDrop(twoStreams(5), s -> MB, 0, 100 * MB);

        assertEquals(8, drop.size());
        assertFalse(names(drop).contains("1/4"));
        assertFalse(names(drop).contains("2/4"));
    }

    @Test
    void toDrop_withTheTargetFree_dropsNothing() {
        assertEquals(List.of(), DiskBudget.toDrop(twoStreams(5), s -> MB, 13 * MB, 13 * MB));
    }

    @Test
    void toDrop_mediaAClipStillHolds_freesNothing_soTheNextOldestGoesToo() {
        Set<Long> heldByAClip = Set.of(0L, 1L);
        List<Segment> drop = DiskBudget.toDrop(twoStreams(5).stream().filter(s -> s.streamId() == 1).toList(),
                s -> heldByAClip.contains(s.sequence()) ? 0 : MB, 0, 2 * MB);

        assertEquals(List.of("1/0", "1/1", "1/2", "1/3"), names(drop));
    }

    @Test
    void trimTarget_leavesHeadroomForTenSecondsOfIngestAboveTheReserve() {
        assertEquals(4 * MB + 10 * 500_000, DiskBudget.trimTargetBytes(4 * MB, 500_000));
    }

    @Test
    void bytesPerSecond_countsEveryRenditionsVideoAndAudio_withTsOverhead() {
        // (800 + 128 + 2500 + 128) kbit/s = 444,500 B/s, + 10 % TS overhead
        assertEquals(488_950, DiskBudget.bytesPerSecond(Rendition.DEFAULT_LADDER));
    }

    @Test
    void clipBytes_isItsSegmentsAndMp4_onePlusSegmentEachSide_andOneMoreMp4ForAVideo() {
        long perS = DiskBudget.bytesPerSecond(Rendition.DEFAULT_LADDER);

        assertEquals(perS * 14 * 2, DiskBudget.clipBytes(Rendition.DEFAULT_LADDER, 10, 2000, false));
        assertEquals(perS * 14 * 3, DiskBudget.clipBytes(Rendition.DEFAULT_LADDER, 10, 2000, true));
    }

    @Test
    void fits_countsWhatTheDvrCanGiveBack_andKeepsTheReserve() {
        assertTrue(DiskBudget.fits(10 * MB, 5 * MB, 9 * MB, 4 * MB));
        assertFalse(DiskBudget.fits(10 * MB, 5 * MB, 8 * MB, 4 * MB));
        assertFalse(DiskBudget.fits(MB / 2, MB, 0, 0), "without a reserve, a nearly full disk still refuses");
    }

    @Test
    void noRoom_isBelowTheReserve_orBelowAMegabyteWithoutOne() {
        assertTrue(DiskBudget.noRoom(3 * MB, 4 * MB));
        assertFalse(DiskBudget.noRoom(5 * MB, 4 * MB));
        assertTrue(DiskBudget.noRoom(8 * 1024, 0));
        assertFalse(DiskBudget.noRoom(2 * MB, 0));
    }

    @Test
    void diskStatus_belowTheReserve_isFull_withASentenceAndNoPath() {
        DiskStatus low = new DiskStatus(3 * MB, 40 * MB, 4 * MB, false);
        DiskStatus failing = new DiskStatus(20 * MB, 40 * MB, 4 * MB, true);
        DiskStatus fine = new DiskStatus(20 * MB, 40 * MB, 4 * MB, false);

        assertTrue(low.full());
        assertTrue(failing.full());
        assertFalse(fine.full());
        assertTrue(fine.problem().isEmpty());
        String sentence = low.problem().orElseThrow();
        assertTrue(sentence.startsWith("The data folder's disk is full: 3.0 MB free of 40.0 MB"), sentence);
        assertFalse(sentence.contains("/"), sentence);
    }

    @Test
    void diskReserve_isTheSmallerOfItsSizeAndItsShare() {
        DiskReserve reserve = new DiskReserve(5L << 30, 10);

        assertEquals(5L << 30, reserve.bytesOf(500L << 30), "a 500 GB laptop disk keeps 5 GB");
        assertEquals(4 * MB, reserve.bytesOf(40 * MB), "a 40 MB disk keeps 4 MB, not all of it");
        assertEquals(0, DiskReserve.NONE.bytesOf(500L << 30));
    }

    @Test
    void diskReserve_parse_readsASizeAShareBothOrZero() {
        Map<String, DiskReserve> cases = Map.of(
                "5G", new DiskReserve(5L << 30, 100),
                "512m", new DiskReserve(512 * MB, 100),
                "10%", new DiskReserve(Long.MAX_VALUE, 10),
                "2G,5%", new DiskReserve(2L << 30, 5),
                "0", DiskReserve.NONE);
        cases.forEach((text, expected) -> assertEquals(expected, DiskReserve.parse(text), text));
    }

    @Test
    void diskReserve_parse_nonsense_isRefusedWithTheAcceptedForms() {
        for (String text : List.of("lots", "5X", "-1G", "150%", "")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> DiskReserve.parse(text), text);
            assertTrue(e.getMessage().contains("5G,10%"), e.getMessage());
        }
    }
}
