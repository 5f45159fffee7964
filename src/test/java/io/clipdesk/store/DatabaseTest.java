package io.clipdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.storage.DataLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final Migration NOTES = new Migration(1,
            List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT"));
    private static final Migration TAGS = new Migration(2,
            List.of("CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY) STRICT"));

    @TempDir
    Path dir;

    @Test
    void open_newFile_appliesEveryMigrationAndSetsUserVersion() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            assertEquals(Schema.MIGRATIONS.size(), pragma(database, "user_version"));
            assertEquals(List.of("clips", "deliveries", "destinations", "envelopes", "reframes", "segments",
                    "settings", "streams", "videos"), tables(database));
        }
    }

    @Test
    void open_dataLayout_createsTheDatabaseInTheDataDir() {
        DataLayout layout = new DataLayout(dir.resolve("data"));
        try (Database database = Database.open(layout)) {
            new SqliteSettingsRepository(database).put("k", "v");
        }
        assertTrue(Files.isRegularFile(layout.database()));
    }

    @Test
    void open_newFile_isOwnerOnly_withItsWalAndShm() throws Exception {
        Path file = dir.resolve("clipdesk.db");
        try (Database database = Database.open(file)) {
            new SqliteSettingsRepository(database).put("k", "v");
            for (String name : List.of("clipdesk.db", "clipdesk.db-wal", "clipdesk.db-shm")) {
                assertEquals("rw-------", mode(dir.resolve(name)), name);
            }
        }
    }

    @Test
    void open_existingFileWithLooserMode_isTightenedToOwnerOnly() throws Exception {
        Path file = dir.resolve("clipdesk.db");
        Database.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path staleWal = Files.createFile(dir.resolve("clipdesk.db-wal"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-r--")));
        try (Database database = Database.open(file)) {
            assertEquals("rw-------", mode(file));
            assertEquals("rw-------", mode(staleWal));
        }
    }

    private static String mode(Path file) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void open_setsWalFullSyncBusyTimeoutAndForeignKeys() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            assertEquals("wal", pragmaText(database, "journal_mode"));
            assertEquals(2, pragma(database, "synchronous")); // FULL
            assertEquals(Database.BUSY_TIMEOUT_MS, pragma(database, "busy_timeout"));
            assertEquals(1, pragma(database, "foreign_keys"));
        }
    }

    @Test
    void reopen_upToDateFile_runsNoMigrationAgain() {
        Path file = dir.resolve("notes.db");
        Database.open(file, List.of(NOTES)).close();
        // NOTES has no IF NOT EXISTS: running it a second time would fail the open.
        try (Database database = Database.open(file, List.of(NOTES))) {
            assertEquals(1, pragma(database, "user_version"));
        }
    }

    @Test
    void reopen_withANewMigration_appliesOnlyTheNewOne() {
        Path file = dir.resolve("notes.db");
        try (Database database = Database.open(file, List.of(NOTES))) {
            database.run("add note", c -> c.createStatement().executeUpdate("INSERT INTO notes (text) VALUES ('kept')"));
        }
        try (Database database = Database.open(file, List.of(NOTES, TAGS))) {
            assertEquals(2, pragma(database, "user_version"));
            assertEquals(List.of("notes", "tags"), tables(database));
            assertEquals(1, count(database, "notes"));
        }
    }

    @Test
    void migration_failingHalfway_leavesNoTraceAndTheVersionUnchanged() {
        Path file = dir.resolve("notes.db");
        Database.open(file, List.of(NOTES)).close();
        Migration broken = new Migration(2, List.of(
                "CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY) STRICT",
                "INSERT INTO no_such_table VALUES (1)"));

        StoreException failure = assertThrows(StoreException.class,
                () -> Database.open(file, List.of(NOTES, broken)));

        assertTrue(failure.getMessage().contains("schema version 2"), failure.getMessage());
        try (Database database = Database.open(file, List.of(NOTES))) {
            assertEquals(1, pragma(database, "user_version"));
            assertEquals(List.of("notes"), tables(database));
        }
    }

    @Test
    void open_fileFromANewerVersion_isRefusedWithBothVersionsInMessage() {
        Path file = dir.resolve("notes.db");
        Database.open(file, List.of(NOTES, TAGS)).close();

        StoreException failure = assertThrows(StoreException.class, () -> Database.open(file, List.of(NOTES)));

        assertTrue(failure.getMessage().contains("schema version 2"), failure.getMessage());
        assertTrue(failure.getMessage().contains("(1)"), failure.getMessage());
    }

    @Test
    void inTransaction_blockThrows_rollsBackEveryRepositoryCall() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> database.inTransaction(() -> {
                settings.put("a", "1");
                settings.put("b", "2");
                throw new IllegalStateException("abandon");
            }));

            assertEquals("abandon", thrown.getMessage());
            assertEquals(Optional.empty(), settings.get("a"));
            assertEquals(Optional.empty(), settings.get("b"));
        }
    }

    @Test
    void inTransaction_nested_joinsTheOuterTransaction() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
            assertThrows(IllegalStateException.class, () -> database.inTransaction(() -> {
                database.inTransaction(() -> settings.put("inner", "1"));
                throw new IllegalStateException("outer fails after inner finished");
            }));
            assertEquals(Optional.empty(), settings.get("inner"));

            database.inTransaction(() -> database.inTransaction(() -> settings.put("inner", "2")));
            assertEquals(Optional.of("2"), settings.get("inner"));
        }
    }

    @Test
    void otherThread_waitsForAnOpenTransaction_insteadOfJoiningIt() throws Exception {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
            Thread other = new Thread(() -> settings.put("other", "kept"), "other-writer");

            assertThrows(IllegalStateException.class, () -> database.inTransaction(() -> {
                settings.put("mine", "abandoned");
                other.start();
                awaitBlockedOrDone(other);
                throw new IllegalStateException("roll back mine");
            }));
            other.join(10_000);

            assertEquals(Optional.empty(), settings.get("mine"));
            assertEquals(Optional.of("kept"), settings.get("other"));
        }
    }

    /** Polls the thread's state (no timing assumption): parked on the lock, or already finished. */
    private static void awaitBlockedOrDone(Thread thread) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the other writer neither blocked nor finished: " + thread.getState());
    }

    @Test
    void sqlFailure_isAStoreExceptionNamingTheAction() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            StoreException failure = assertThrows(StoreException.class, () -> database.run("count widgets",
                    c -> c.createStatement().executeQuery("SELECT COUNT(*) FROM widgets").getInt(1)));
            assertTrue(failure.getMessage().startsWith("store: count widgets failed"), failure.getMessage());
            assertTrue(failure.getCause() instanceof SQLException);
        }
    }

    @Test
    void closedDatabase_failsWithStoreException_andCloseIsIdempotent() {
        Database database = Database.open(dir.resolve("clipdesk.db"));
        SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
        database.close();
        database.close();
        assertThrows(StoreException.class, () -> settings.get("any"));
    }

    @Test
    void failedTransaction_leavesTheConnectionUsable() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
            assertThrows(StoreException.class, () -> database.inTransaction("bad", c ->
                    c.createStatement().executeUpdate("INSERT INTO nowhere VALUES (1)")));
            // Were the failed transaction still open, BEGIN would fail here, and a rollback would undo the put.
            database.inTransaction(() -> settings.put("after", "ok"));
            database.close();
            try (Database reopened = Database.open(dir.resolve("clipdesk.db"))) {
                assertEquals(Optional.of("ok"), new SqliteSettingsRepository(reopened).get("after"));
            }
        }
    }

    static int pragma(Database database, String name) {
        return Integer.parseInt(pragmaText(database, name));
    }

    static String pragmaText(Database database, String name) {
        return database.run("read " + name, c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    private static List<String> tables(Database database) {
        return database.run("list tables", c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                List<String> names = new java.util.ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        });
    }

    private static int count(Database database, String table) {
        return database.run("count " + table, c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                return rows.getInt(1);
            }
        });
    }
}
