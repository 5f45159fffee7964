package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVideoRepositoryTest {

    @TempDir
    Path dir;
    private Database database;
    private SqliteVideoRepository videos;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("clipdesk.db"));
        videos = new SqliteVideoRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void insert_thenFind_keepsEveryField() {
        Video draft = new Video(0, "m3d1ak3y0001", 4, "abc123def456", "Save of the season", VideoStatus.ERROR,
                "remux failed: no video stream", 45_120, T0_MS + 9, List.of("media_1_360", "media_2_720"));

        Video stored = videos.insert(draft);

        assertTrue(stored.id() > 0);
        assertEquals(Optional.of(draft.withId(stored.id())), videos.find(stored.id()));
    }

    @Test
    void update_storesStatusAndDuration() {
        Video stored = videos.insert(StoreSamples.video("aaaaaaaaaaaa", "cccccccccccc"));
        Video ready = stored.withDurationMs(30_040).withStatus(VideoStatus.READY, "");

        videos.update(ready);

        assertEquals(Optional.of(ready), videos.find(stored.id()));
        assertEquals("", videos.find(stored.id()).orElseThrow().error());
    }

    @Test
    void ids_increase_andAreNotReusedAfterDelete_evenAcrossReopening() {
        Video first = videos.insert(StoreSamples.video("aaaaaaaaaaa1", "cccccccccccc"));
        Video second = videos.insert(StoreSamples.video("aaaaaaaaaaa2", "cccccccccccc"));
        assertTrue(second.id() > first.id());

        videos.delete(second.id());
        database.close();
        database = Database.open(dir.resolve("clipdesk.db"));
        videos = new SqliteVideoRepository(database);
        Video third = videos.insert(StoreSamples.video("aaaaaaaaaaa3", "cccccccccccc"));

        assertTrue(third.id() > second.id(), "deleted id " + second.id() + " was reused");
        assertEquals(Optional.empty(), videos.find(second.id()));
    }

    @Test
    void list_isNewestFirst() {
        Video old = videos.insert(StoreSamples.video("aaaaaaaaaaa1", "cccccccccccc"));
        Video newer = videos.insert(created(StoreSamples.video("aaaaaaaaaaa2", "cccccccccccc"), T0_MS + 5));
        Video sameTimeAsOld = videos.insert(StoreSamples.video("aaaaaaaaaaa3", "cccccccccccc"));

        assertEquals(List.of(newer, sameTimeAsOld, old), videos.list());
    }

    @Test
    void delete_removesOnlyThatVideo() {
        Video kept = videos.insert(StoreSamples.video("aaaaaaaaaaa1", "cccccccccccc"));
        Video gone = videos.insert(StoreSamples.video("aaaaaaaaaaa2", "cccccccccccc"));
        videos.delete(gone.id());
        assertEquals(List.of(kept), videos.list());
    }

    private static Video created(Video video, long createdAtMs) {
        return new Video(video.id(), video.mediaKey(), video.streamId(), video.clipId(), video.name(), video.status(),
                video.error(), video.durationMs(), createdAtMs, video.renditions());
    }
}
