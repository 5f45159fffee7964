package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.dvr.DvrSlice;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.Segment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSegmentStoreTest {

    private static final long TWO_S_US = 2_000_000;

    @TempDir
    Path dir;
    private Database database;
    private SqliteSegmentStore segments;
    private long stream;
    private long otherStream;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("clipdesk.db"));
        segments = new SqliteSegmentStore(database);
        SqliteStreamRepository streams = new SqliteStreamRepository(database);
        stream = streams.insert(StoreSamples.stream("aaaaaaaaaaaa")).id();
        otherStream = streams.insert(StoreSamples.stream("bbbbbbbbbbbb")).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Segments 0..count-1 of 2 s each, back to back from T0. */
    private List<Segment> fill(long streamId, int count) {
        List<Segment> made = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Segment segment = new Segment(streamId, i, T0_MS + i * 2_000L, TWO_S_US, false);
            segments.insert(segment);
            made.add(segment);
        }
        return made;
    }

    @Test
    void insert_thenRead_keepsEveryField() {
        Segment odd = new Segment(stream, 41, T0_MS + 123, 2_002_333, true);
        segments.insert(odd);
        assertEquals(Optional.of(odd), segments.newest(stream));
    }

    @Test
    void overlapping_windowInsideOneSegment_returnsThatSegment() {
        List<Segment> made = fill(stream, 5);
        assertEquals(List.of(made.get(2)), segments.overlapping(stream, T0_MS + 4_500, T0_MS + 5_500));
    }

    @Test
    void overlapping_windowOnSegmentEdges_excludesTheTouchingNeighbours() {
        List<Segment> made = fill(stream, 5);
        // [4000, 8000) is exactly segments 2 and 3; segment 1 ends at 4000 and segment 4 starts at 8000.
        assertEquals(made.subList(2, 4), segments.overlapping(stream, T0_MS + 4_000, T0_MS + 8_000));
    }

    @Test
    void overlapping_windowOneMsPastTheEdges_includesTheNeighbours() {
        List<Segment> made = fill(stream, 5);
        assertEquals(made.subList(1, 5), segments.overlapping(stream, T0_MS + 3_999, T0_MS + 8_001));
    }

    @Test
    void overlapping_longSegmentStartingWellBeforeTheWindow_isFound() {
        Segment longOne = new Segment(stream, 0, T0_MS, 30_000_000, false);
        Segment next = new Segment(stream, 1, T0_MS + 30_000, TWO_S_US, false);
        segments.insert(longOne);
        segments.insert(next);
        assertEquals(List.of(longOne), segments.overlapping(stream, T0_MS + 25_000, T0_MS + 26_000));
        assertEquals(List.of(longOne, next), segments.overlapping(stream, T0_MS + 29_999, T0_MS + 30_001));
    }

    @Test
    void overlapping_ignoresOtherStreamsAndEmptyWindows() {
        fill(stream, 3);
        fill(otherStream, 3);
        assertEquals(List.of(0L, 1L, 2L), sequences(segments.overlapping(otherStream, T0_MS, T0_MS + 6_000)));
        assertEquals(List.of(), segments.overlapping(stream, T0_MS + 6_000, T0_MS + 9_000));
        assertEquals(List.of(), segments.overlapping(stream, T0_MS - 5_000, T0_MS));
    }

    @Test
    void latest_returnsTheNewestCountOldestFirst() {
        fill(stream, 10);
        assertEquals(List.of(7L, 8L, 9L), sequences(segments.latest(stream, 3)));
        assertEquals(10, segments.latest(stream, 50).size());
        assertEquals(List.of(), segments.latest(stream, 0));
        assertEquals(List.of(), segments.latest(otherStream, 3));
    }

    @Test
    void oldestAndNewest_followStartTime_andAreEmptyForAnEmptyStream() {
        List<Segment> made = fill(stream, 4);
        assertEquals(Optional.of(made.get(0)), segments.oldest(stream));
        assertEquals(Optional.of(made.get(3)), segments.newest(stream));
        assertEquals(Optional.empty(), segments.oldest(otherStream));
        assertEquals(Optional.empty(), segments.newest(otherStream));
    }

    @Test
    void endedBy_includesASegmentEndingExactlyThen_oldestFirst() {
        fill(stream, 5);
        assertEquals(List.of(0L, 1L), sequences(segments.endedBy(stream, T0_MS + 4_000)));
        assertEquals(List.of(0L, 1L), sequences(segments.endedBy(stream, T0_MS + 5_999)));
        assertEquals(List.of(), segments.endedBy(stream, T0_MS + 1_999));
    }

    @Test
    void delete_removesOnlyThatSegment() {
        fill(stream, 3);
        segments.delete(stream, 1);
        assertEquals(List.of(0L, 2L), sequences(segments.latest(stream, 10)));
        assertEquals(2, segments.count(stream));
    }

    @Test
    void deleteAll_emptiesOneStreamAndLeavesTheOther() {
        fill(stream, 3);
        fill(otherStream, 2);
        segments.deleteAll(stream);
        assertEquals(0, segments.count(stream));
        assertEquals(2, segments.count(otherStream));
    }

    @Test
    void insert_sameSequenceTwice_failsWithStoreException() {
        fill(stream, 1);
        Segment again = new Segment(stream, 0, T0_MS + 10_000, TWO_S_US, false);
        StoreException failure = assertThrows(StoreException.class, () -> segments.insert(again));
        assertTrue(failure.getMessage().contains("insert segment " + stream + "/0"), failure.getMessage());
    }

    @Test
    void insert_forAStreamThatDoesNotExist_fails() {
        assertThrows(StoreException.class, () -> segments.insert(new Segment(999, 0, T0_MS, TWO_S_US, false)));
    }

    @Test
    void deletingTheStream_deletesItsSegments() {
        fill(stream, 3);
        new SqliteStreamRepository(database).delete(stream);
        assertEquals(0, segments.count(stream));
    }

    private static List<Long> sequences(List<Segment> list) {
        return list.stream().map(Segment::sequence).toList();
    }

    @Test
    void slice_readsTheOverlappingSegmentsAndTheWindowTogether() {
        for (int i = 0; i < 5; i++) {
            segments.insert(new Segment(stream, i, T0_MS + i * 2000L, TWO_S_US, false));
        }
        DvrSlice slice = segments.slice(stream, T0_MS + 3000, T0_MS + 5000);

        assertEquals(List.of(1L, 2L), slice.segments().stream().map(Segment::sequence).toList());
        assertEquals(new DvrWindow(T0_MS, T0_MS + 10_000), slice.window());
        assertEquals(new DvrSlice(List.of(), DvrWindow.EMPTY), segments.slice(otherStream, 0, Long.MAX_VALUE));
    }
}
