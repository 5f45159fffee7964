package io.clipdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reframe rows (schema version 7): every field and a moving crop path survive reopening; a file from version 6
 * migrates.
 */
class SqliteReframeRepositoryTest {

    private static final CropPath MOVING = new CropPath(List.of(new CropPath.Key(0, 0.25, 0.5),
            new CropPath.Key(1500, 0.755, 0.4)));

    @TempDir
    Path dir;

    private static Reframe reframe(String id, String clipId, ReframeAspect aspect, CropPath crop) {
        return new Reframe(id, clipId, 1, aspect, crop, ReframeStatus.QUEUED, "", 1_716_559_200_000L, 0, 0);
    }

    @Test
    void reframes_keepEveryField_acrossReopening_listedInAspectOrder() {
        Path file = dir.resolve("clipdesk.db");
        Reframe square = reframe("reframe00001", "clip00000001", ReframeAspect.SQUARE, MOVING);
        Reframe vertical = reframe("reframe00002", "clip00000001", ReframeAspect.VERTICAL, CropPath.fixed(0, 1));
        try (Database database = Database.open(file)) {
            SqliteReframeRepository reframes = new SqliteReframeRepository(database);
            reframes.insert(square);
            reframes.insert(vertical);
            reframes.update(square.withDurationMs(4000).withStatus(ReframeStatus.READY, ""));
        }
        try (Database database = Database.open(file)) {
            SqliteReframeRepository reframes = new SqliteReframeRepository(database);
            Reframe ready = square.withDurationMs(4000).withStatus(ReframeStatus.READY, "");
            assertEquals(List.of(vertical, ready), reframes.listByClip("clip00000001"));
            assertEquals(MOVING, reframes.find("reframe00001").orElseThrow().crop());
            reframes.delete("reframe00002");
            assertEquals(List.of(ready), reframes.listAll());
        }
    }

    @Test
    void aSecondReframeOfTheSameAspect_isRefusedByTheStore() {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteReframeRepository reframes = new SqliteReframeRepository(database);
            reframes.insert(reframe("reframe00001", "clip00000001", ReframeAspect.SQUARE, CropPath.CENTRED));
            assertThrows(StoreException.class, () -> reframes.insert(reframe("reframe00002", "clip00000001",
                    ReframeAspect.SQUARE, CropPath.CENTRED)));
        }
    }

    @Test
    void aFileAtVersion6_migrates_keepingItsClips_andTakesReframes() {
        Path file = dir.resolve("v6.db");
        try (Database v6 = Database.open(file, Schema.MIGRATIONS.subList(0, 6))) {
            new SqliteClipRepository(v6).insert(StoreSamples.clip("oldclip00005", 1, 1_716_559_200L));
        }
        try (Database migrated = Database.open(file)) {
            assertTrue(new SqliteClipRepository(migrated).find("oldclip00005").isPresent());
            SqliteReframeRepository reframes = new SqliteReframeRepository(migrated);
            Reframe r = reframe("reframe00005", "oldclip00005", ReframeAspect.PORTRAIT, CropPath.CENTRED);
            reframes.insert(r);
            assertEquals(List.of(r), reframes.listByClip("oldclip00005"));
        }
    }
}
