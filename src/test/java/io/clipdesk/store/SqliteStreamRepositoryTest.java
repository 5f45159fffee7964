package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStreamRepositoryTest {

    private static final List<Rendition> FIVE_RUNG_LADDER = List.of(
            Rendition.named(1, 426, 240, 400), Rendition.named(2, 640, 360, 800),
            Rendition.named(3, 854, 480, 1400), Rendition.named(4, 1280, 720, 2800),
            Rendition.named(5, 1920, 1080, 5000));

    @TempDir
    Path dir;

    @Test
    void insert_thenFind_keepsEveryFieldAndAssignsAnId() {
        LiveStream draft = new LiveStream(0, "Pitch-side “cam” 2", new SourceSpec(SourceKind.SRT_PUSH, "s3cret-key"),
                false, 14_400, "k3y0000000ab", T0_MS + 17, FIVE_RUNG_LADDER);
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            LiveStream stored = streams.insert(draft);

            assertTrue(stored.id() > 0);
            assertEquals(Optional.of(draft.withId(stored.id())), streams.find(stored.id()));
        }
    }

    @Test
    void streams_surviveClosingAndReopeningTheFile() {
        Path file = dir.resolve("clipdesk.db");
        LiveStream stored;
        try (Database database = Database.open(file)) {
            stored = new SqliteStreamRepository(database).insert(StoreSamples.stream("aaaaaaaaaaaa"));
        }
        try (Database database = Database.open(file)) {
            assertEquals(List.of(stored), new SqliteStreamRepository(database).list());
        }
    }

    @Test
    void update_changesEveryFieldButTheId() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            LiveStream stored = streams.insert(StoreSamples.stream("aaaaaaaaaaaa"));
            LiveStream changed = stored.withName("Studio B").withDvr(false, 60)
                    .withSource(new SourceSpec(SourceKind.HLS_PULL, "https://example.com/live.m3u8"), FIVE_RUNG_LADDER);

            streams.update(changed);

            assertEquals(Optional.of(changed), streams.find(stored.id()));
        }
    }

    @Test
    void list_isOldestFirst_andDeleteRemovesOne_andIdsAreNotReused() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            LiveStream first = streams.insert(StoreSamples.stream("aaaaaaaaaaaa"));
            LiveStream second = streams.insert(StoreSamples.stream("bbbbbbbbbbbb"));
            assertEquals(List.of(first, second), streams.list());

            streams.delete(second.id());
            LiveStream third = streams.insert(StoreSamples.stream("cccccccccccc"));

            assertEquals(List.of(first, third), streams.list());
            assertTrue(third.id() > second.id(), "id " + second.id() + " was reused");
            assertEquals(Optional.empty(), streams.find(second.id()));
        }
    }

    @Test
    void insert_sameMediaKeyTwice_fails() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            streams.insert(StoreSamples.stream("aaaaaaaaaaaa"));
            assertThrows(StoreException.class, () -> streams.insert(StoreSamples.stream("aaaaaaaaaaaa")));
        }
    }

    @Test
    void insert_streamThatAlreadyHasAnId_isRejected() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            assertThrows(IllegalArgumentException.class,
                    () -> streams.insert(StoreSamples.stream("aaaaaaaaaaaa").withId(5)));
        }
    }

    @Test
    void list_rowThatNoLongerFitsTheRecord_isAStoreExceptionNamingTheRowAndValue() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteStreamRepository streams = new SqliteStreamRepository(database);
            long id = streams.insert(StoreSamples.stream("aaaaaaaaaaaa")).id();
            database.run("corrupt", c -> c.createStatement()
                    .executeUpdate("UPDATE streams SET source_kind = 'CARRIER_PIGEON'"));

            StoreException failure = assertThrows(StoreException.class, streams::list);

            assertTrue(failure.getMessage().contains("stored stream " + id + " is invalid"), failure.getMessage());
            assertTrue(failure.getMessage().contains("CARRIER_PIGEON"), failure.getMessage());
        }
    }
}
