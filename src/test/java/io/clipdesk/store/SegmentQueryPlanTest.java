package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.dvr.Segment;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A 4-hour DVR of 2 s segments (7,200 rows) per stream, two streams: every query must be an index search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentQueryPlanTest {

    private static final int ROWS = 7_200;

    private Database database;
    private SqliteSegmentStore segments;
    private long stream;

    @BeforeAll
    void fillFourHours(@TempDir Path dir) {
        database = Database.open(dir.resolve("clipdesk.db"));
        segments = new SqliteSegmentStore(database);
        SqliteStreamRepository streams = new SqliteStreamRepository(database);
        stream = streams.insert(StoreSamples.stream("aaaaaaaaaaaa")).id();
        long other = streams.insert(StoreSamples.stream("bbbbbbbbbbbb")).id();
        database.inTransaction(() -> {
            for (int i = 0; i < ROWS; i++) {
                segments.insert(new Segment(stream, i, T0_MS + i * 2_000L, 2_000_000, false));
                segments.insert(new Segment(other, i, T0_MS + i * 2_000L, 2_000_000, false));
            }
        });
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void overlapping_searchesTheStartIndexBoundedOnBothSides() {
        List<String> plan = plan(SqliteSegmentStore.OVERLAPPING, stream, T0_MS + 20_000, T0_MS + 10_000,
                T0_MS + 10_000, stream);
        assertSearchOnly(plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains("segments_by_start")
                && line.contains("start_ms>? AND start_ms<?")), plan.toString());
    }

    @Test
    void overlapping_nearTheLiveEdgeOfFourHours_returnsTheWindow() {
        long fromMs = T0_MS + (ROWS - 15) * 2_000L + 500;
        List<Segment> window = segments.overlapping(stream, fromMs, fromMs + 20_000);
        assertEquals(11, window.size());
        assertEquals(ROWS - 15, window.get(0).sequence());
    }

    @Test
    void latestOldestNewest_searchTheIndexWithoutSorting() {
        assertSearchOnly(plan(SqliteSegmentStore.LATEST, stream, 5));
        assertSearchOnly(plan(SqliteSegmentStore.OLDEST, stream));
        assertSearchOnly(plan(SqliteSegmentStore.NEWEST, stream));
        assertEquals(List.of((long) ROWS - 2, (long) ROWS - 1),
                segments.latest(stream, 2).stream().map(Segment::sequence).toList());
    }

    @Test
    void endedBy_searchesTheStartIndexUpToTheEnd() {
        List<String> plan = plan(SqliteSegmentStore.ENDED_BY, stream, T0_MS + 10_000, T0_MS + 10_000);
        assertSearchOnly(plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains("start_ms<?")), plan.toString());
        assertEquals(5, segments.endedBy(stream, T0_MS + 10_000).size());
    }

    @Test
    void envelopes_searchTheStartIndexThenEachEnvelopeByItsKey() {
        List<String> plan = plan(SqliteSegmentStore.ENVELOPES_OVERLAPPING, stream, T0_MS + 20_000, T0_MS + 10_000,
                T0_MS + 10_000, stream);
        assertSearchOnly(plan);
        assertTrue(plan.stream().anyMatch(line -> line.startsWith("SEARCH e USING PRIMARY KEY")), plan.toString());
    }

    @Test
    void deleteAndCount_searchByStream() {
        assertSearchOnly(plan(SqliteSegmentStore.DELETE, stream, 3));
        assertSearchOnly(plan(SqliteSegmentStore.DELETE_ALL, stream));
        assertSearchOnly(plan(SqliteSegmentStore.COUNT, stream));
        assertEquals(ROWS, segments.count(stream));
    }

    /** Every step is a SEARCH of an index (never a full SCAN of segments) and nothing is sorted afterwards. */
    private static void assertSearchOnly(List<String> plan) {
        assertFalse(plan.isEmpty());
        for (String line : plan) {
            assertFalse(line.startsWith("SCAN"), "full scan in " + plan);
            assertFalse(line.contains("TEMP B-TREE"), "sort in " + plan);
        }
        assertTrue(plan.stream().anyMatch(line -> line.startsWith("SEARCH segments USING")), plan.toString());
    }

    private List<String> plan(String sql, long... parameters) {
        return database.run("explain", c -> {
            try (PreparedStatement statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setLong(i + 1, parameters[i]);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString("detail"));
                    }
                }
                return lines;
            }
        });
    }
}
