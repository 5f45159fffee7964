package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every permanent video ends ready or in error with a reason, whatever happens to its clip: never pending for good. */
class VodOutcomeTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
        f.produce(Duration.ofSeconds(6));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void vodOfAClipDeletedWhileRecording_endsInErrorSayingSo() {
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, f.nowS() - 1, 10).withVod(true));
        f.engine.clips().delete(clip.id());

        Video video = f.engine.videos().get(clip.videoId());
        assertEquals(VideoStatus.ERROR, video.status());
        assertEquals("the clip it was made from was deleted before its media was complete", video.error());
    }

    @Test
    void vodOfAClipThatExpiresBeforeItsCut_endsInErrorWithAReason() {
        long startS = f.nowS() + 5; // media that never comes: the clock jumps over it
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 5).withVod(true)
                .withExpiration(startS + 5 + 60));
        f.clock.set(Instant.ofEpochSecond(clip.expirationS()));
        f.engine.sweepNow();
        f.engine.awaitCuts();

        Video video = f.engine.videos().get(clip.videoId());
        assertEquals(VideoStatus.ERROR, video.status(), video.toString());
        assertTrue(video.error().startsWith("the clip it was made from "), video.error());
    }

    @Test
    void keepPermanentThenDeleteAtOnce_makesTheVideoBeforeTheClipsFilesGo() {
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, f.window().startMs() / 1000 + 1, 2));
        f.awaitStatus(clip.id(), ClipStatus.READY);

        long videoId = f.engine.clips().keepPermanent(clip.id()).videoId();
        f.engine.clips().delete(clip.id());

        Video video = f.engine.videos().get(videoId);
        assertEquals(VideoStatus.READY, video.status(), video.toString());
        assertEquals(2000, video.durationMs(), EngineFixture.SEGMENT_MS);
    }

    @Test
    void vodOfAClipDeletedAfterItWasReady_staysReady() {
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, f.window().startMs() / 1000 + 1, 2).withVod(true));
        f.awaitStatus(clip.id(), ClipStatus.READY);
        f.engine.clips().delete(clip.id());

        assertEquals(VideoStatus.READY, f.engine.videos().get(clip.videoId()).status());
    }
}
