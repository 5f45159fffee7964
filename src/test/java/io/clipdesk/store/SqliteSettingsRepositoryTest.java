package io.clipdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSettingsRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void put_thenGet_returnsTheValue_andPutAgainReplacesIt() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteSettingsRepository settings = new SqliteSettingsRepository(database);
            settings.put("ui.preset", "{\"in\":-10}");
            settings.put("ui.preset", "{\"in\":-20}");
            settings.put("empty", "");

            assertEquals(Optional.of("{\"in\":-20}"), settings.get("ui.preset"));
            assertEquals(Optional.of(""), settings.get("empty"));
            assertEquals(Optional.empty(), settings.get("missing"));
        }
    }

    @Test
    void settings_surviveReopening() {
        Path file = dir.resolve("clipdesk.db");
        try (Database database = Database.open(file)) {
            new SqliteSettingsRepository(database).put("api.key.sha256", "9f86d081884c7d65");
        }
        try (Database database = Database.open(file)) {
            assertEquals(Optional.of("9f86d081884c7d65"), new SqliteSettingsRepository(database).get("api.key.sha256"));
        }
    }
}
