package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteClipRepositoryTest {

    @TempDir
    Path dir;
    private Database database;
    private SqliteClipRepository clips;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("clipdesk.db"));
        clips = new SqliteClipRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void insert_thenFind_keepsEveryField() {
        Clip frameAccurate = new Clip("abc123def456", 3, "Penalty – 2nd half", 1_716_559_260L, 45, 1_716_645_660L,
                T0_MS + 5, true, 42, List.of("media_1_240", "media_2_360", "media_3_480", "media_4_720", "media_5_1080"),
                ClipStatus.FAILED, "source went silent at 12:03:04", T0_MS + 60_000, T0_MS + 106_000,
                ClipAccuracy.FRAME);
        Clip plain = StoreSamples.clip("zzzzzzzzzzzz", 3, 1_716_559_200L);

        clips.insert(frameAccurate);
        clips.insert(plain);

        assertEquals(Optional.of(frameAccurate), clips.find("abc123def456"));
        assertEquals(Optional.of(plain), clips.find("zzzzzzzzzzzz"));
        assertEquals("", clips.find("zzzzzzzzzzzz").orElseThrow().error());
        assertEquals(0, clips.find("zzzzzzzzzzzz").orElseThrow().videoId());
    }

    @Test
    void update_storesStatusCutAndVideo_andSurvivesReopening() {
        Clip clip = StoreSamples.clip("aaaaaaaaaaaa", 1, 1_716_559_200L);
        clips.insert(clip);
        Clip done = clip.withCut(T0_MS - 1_000, T0_MS + 31_000, 12_480).withVideo(9).withStatus(ClipStatus.READY, "");

        clips.update(done);
        database.close();
        database = Database.open(dir.resolve("clipdesk.db"));
        clips = new SqliteClipRepository(database);

        assertEquals(Optional.of(done), clips.find("aaaaaaaaaaaa"));
    }

    @Test
    void listByStream_isNewestStartFirst_thenNewestCreatedFirst() {
        Clip early = StoreSamples.clip("aaaaaaaaaaa1", 1, 1_000);
        Clip late = StoreSamples.clip("aaaaaaaaaaa2", 1, 3_000);
        Clip sameStartOlder = created(StoreSamples.clip("aaaaaaaaaaa3", 1, 2_000), T0_MS);
        Clip sameStartNewer = created(StoreSamples.clip("aaaaaaaaaaa4", 1, 2_000), T0_MS + 1);
        Clip otherStream = StoreSamples.clip("bbbbbbbbbbbb", 2, 2_500);
        List.of(sameStartNewer, early, otherStream, late, sameStartOlder).forEach(clips::insert);

        assertEquals(List.of(late, sameStartNewer, sameStartOlder, early), clips.listByStream(1));
        assertEquals(List.of(), clips.listByStream(99));
    }

    @Test
    void listByStatus_returnsOnlyThatStatus_oldestCreatedFirst() {
        Clip recordingNew = created(StoreSamples.clip("aaaaaaaaaaa1", 1, 1_000), T0_MS + 2);
        Clip recordingOld = created(StoreSamples.clip("aaaaaaaaaaa2", 2, 1_000), T0_MS + 1);
        Clip ready = StoreSamples.clip("aaaaaaaaaaa3", 1, 1_000).withStatus(ClipStatus.READY, "");
        List.of(recordingNew, ready, recordingOld).forEach(clips::insert);

        assertEquals(List.of(recordingOld, recordingNew), clips.listByStatus(ClipStatus.RECORDING));
        assertEquals(List.of(ready), clips.listByStatus(ClipStatus.READY));
        assertEquals(List.of(), clips.listByStatus(ClipStatus.EXPIRED));
    }

    @Test
    void insert_sameIdTwice_fails() {
        clips.insert(StoreSamples.clip("aaaaaaaaaaaa", 1, 1_000));
        assertThrows(StoreException.class, () -> clips.insert(StoreSamples.clip("aaaaaaaaaaaa", 1, 2_000)));
    }

    @Test
    void clipStoredBeforeGapsWereRecorded_isReadAfterTheMigrationAsHavingNoGap() {
        Path file = dir.resolve("v1.db");
        try (Database v1 = Database.open(file, Schema.MIGRATIONS.subList(0, 1))) {
            v1.run("insert a version-1 clip", c -> c.createStatement().executeUpdate("""
                    INSERT INTO clips (id, stream_id, name, start_s, duration_s, expiration_s, created_at_ms,
                        vod_required, video_id, renditions, status, error, cut_start_ms, cut_end_ms, accuracy)
                    VALUES ('oldclip00001', 1, 'Old', 1000, 10, 5000, 7, 0, 0, '["media_1_360"]', 'READY', '',
                        999000, 1011000, 'SEGMENT')"""));
        }
        try (Database migrated = Database.open(file)) {
            Clip old = new SqliteClipRepository(migrated).find("oldclip00001").orElseThrow();

            assertEquals(0, old.gapMs());
            assertEquals(1_011_000, old.cutEndMs());
            assertEquals(ClipStatus.READY, old.status());
        }
    }

    @Test
    void exactFrameClip_keepsItsMsRange_andSurvivesReopening() {
        Clip exact = new Clip("exact0000001", 1, "Goal", 1_716_559_260L, 5, 1_716_559_265L + 3600, T0_MS, false, 0,
                List.of("media_1_360"), ClipStatus.RECORDING, "", 0, 0, ClipAccuracy.FRAME, 0,
                Optional.of(new ExactRange(1_716_559_260_520L, 1_716_559_264_280L)));

        clips.insert(exact);
        database.close();
        database = Database.open(dir.resolve("clipdesk.db"));

        Clip stored = new SqliteClipRepository(database).find("exact0000001").orElseThrow();
        assertEquals(exact, stored);
        assertEquals(1_716_559_260_520L, stored.fromMs());
        assertEquals(1_716_559_264_280L, stored.toMs());
    }

    @Test
    void clipStoredBeforeExactRanges_isReadAfterTheMigrationAsCutAtItsSeconds() {
        Path file = dir.resolve("v2.db");
        try (Database v2 = Database.open(file, Schema.MIGRATIONS.subList(0, 2))) {
            v2.run("insert a version-2 clip", c -> c.createStatement().executeUpdate("""
                    INSERT INTO clips (id, stream_id, name, start_s, duration_s, expiration_s, created_at_ms,
                        vod_required, video_id, renditions, status, error, cut_start_ms, cut_end_ms, accuracy, gap_ms)
                    VALUES ('oldclip00002', 1, 'Old', 1000, 10, 5000, 7, 0, 0, '["media_1_360"]', 'RECORDING', '',
                        0, 0, 'FRAME', 0)"""));
        }
        try (Database migrated = Database.open(file)) {
            Clip old = new SqliteClipRepository(migrated).find("oldclip00002").orElseThrow();

            assertEquals(Optional.empty(), old.exactRange());
            assertEquals(1_000_000, old.fromMs());
            assertEquals(1_010_000, old.toMs());
        }
    }

    @Test
    void find_unknownId_isEmpty() {
        assertEquals(Optional.empty(), clips.find("nosuchclip00"));
    }

    private static Clip created(Clip clip, long createdAtMs) {
        return new Clip(clip.id(), clip.streamId(), clip.name(), clip.startS(), clip.durationS(), clip.expirationS(),
                createdAtMs, clip.vodRequired(), clip.videoId(), clip.renditions(), clip.status(), clip.error(),
                clip.cutStartMs(), clip.cutEndMs(), clip.accuracy(), clip.gapMs(), clip.exactRange());
    }
}
