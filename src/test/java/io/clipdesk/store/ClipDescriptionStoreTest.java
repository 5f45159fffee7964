package io.clipdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.video.Video;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Title, description, tags and editor on clips and videos (schema version 5), and files from version 4. */
class ClipDescriptionStoreTest {

    private static final ClipDescription GOAL = new ClipDescription("Header from the corner,\nsecond post.",
            List.of("Goal", "home team", "Ümit"), "ana");

    @TempDir
    Path dir;

    @Test
    void describedClipAndVideo_keepEveryField_acrossReopening() {
        Path file = dir.resolve("clipdesk.db");
        Clip clip = StoreSamples.clip("described001", 1, 1_716_559_200L).withDescription("Goal 1-0", GOAL);
        long videoId;
        try (Database database = Database.open(file)) {
            new SqliteClipRepository(database).insert(clip);
            videoId = new SqliteVideoRepository(database).insert(
                    StoreSamples.video("vkey00000001", "described001").withDescription("Goal 1-0", GOAL)).id();
        }
        try (Database database = Database.open(file)) {
            assertEquals(clip, new SqliteClipRepository(database).find("described001").orElseThrow());
            Video video = new SqliteVideoRepository(database).find(videoId).orElseThrow();
            assertEquals(GOAL, video.description());
            assertEquals("Goal 1-0", video.name());
        }
    }

    @Test
    void clipAndVideoStoredAtVersion4_areUndescribedAfterTheMigration_andTakeADescription() {
        Path file = dir.resolve("v4.db");
        try (Database v4 = Database.open(file, Schema.MIGRATIONS.subList(0, 4))) {
            v4.run("insert version-4 rows", c -> {
                c.createStatement().executeUpdate("""
                        INSERT INTO clips (id, stream_id, name, start_s, duration_s, expiration_s, created_at_ms,
                            vod_required, video_id, renditions, status, error, cut_start_ms, cut_end_ms, accuracy,
                            gap_ms, exact_from_ms, exact_to_ms)
                        VALUES ('oldclip00004', 1, 'Old', 1000, 10, 5000, 7, 1, 1, '["media_1_360"]', 'READY', '',
                            999000, 1011000, 'SEGMENT', 0, NULL, NULL)""");
                return c.createStatement().executeUpdate("""
                        INSERT INTO videos (media_key, stream_id, clip_id, name, status, error, duration_ms,
                            created_at_ms, renditions)
                        VALUES ('oldvideokey1', 1, 'oldclip00004', 'Old', 'READY', '', 10000, 7, '["media_1_360"]')""");
            });
        }
        try (Database migrated = Database.open(file)) {
            SqliteClipRepository clips = new SqliteClipRepository(migrated);
            SqliteVideoRepository videos = new SqliteVideoRepository(migrated);
            Clip old = clips.find("oldclip00004").orElseThrow();
            Video oldVideo = videos.find(1).orElseThrow();

            assertEquals(ClipDescription.EMPTY, old.description());
            assertEquals(ClipDescription.EMPTY, oldVideo.description());
            assertEquals(1_011_000, old.cutEndMs());

            clips.update(old.withDescription("Old, now described", GOAL));
            videos.update(oldVideo.withDescription("Old, now described", GOAL));
            assertEquals(GOAL, clips.find("oldclip00004").orElseThrow().description());
            assertEquals("Old, now described", videos.find(1).orElseThrow().name());
            assertEquals(GOAL, videos.find(1).orElseThrow().description());
        }
    }
}
