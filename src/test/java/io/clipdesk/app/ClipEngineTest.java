package io.clipdesk.app;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.hls.MultivariantPlaylist;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static io.clipdesk.app.EngineFixture.SEGMENT_MS;
import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instant-clip semantics of the seed on the real engine: real test-signal media, SQLite, a moved clock. */
class ClipEngineTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
        f.produce(Duration.ofSeconds(8));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Path clipFile(Clip clip, String name) {
        MediaContent content = f.engine.media().clip(STREAM, name);
        return ((MediaContent.FileContent) content).path();
    }

    @Test
    void clip_inTheMiddleOfTheDvr_coversItsRangeOnSegmentBoundaries() throws Exception {
        long startS = f.window().startMs() / 1000 + 3;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 2));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        assertTrue(ready.cutStartMs() <= startS * 1000 && ready.cutStartMs() > startS * 1000 - SEGMENT_MS,
                "cut starts on the segment holding start: " + ready);
        assertTrue(ready.cutEndMs() >= ready.endS() * 1000 && ready.cutEndMs() < ready.endS() * 1000 + SEGMENT_MS,
                "cut ends on the segment holding the end: " + ready);

        Path mp4 = clipFile(ready, MediaPaths.clipMasterMp4(clip.id()));
        assertEquals(2.0, Ffprobe.durationS(mp4), SEGMENT_MS / 1000.0);
        assertEquals(java.util.List.of("h264", "aac"), Ffprobe.codecs(mp4));
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"), "MP4 starts on a keyframe");

        MultivariantPlaylist master = MultivariantPlaylist.parse(Files.readString(
                clipFile(ready, MediaPaths.clipMaster(clip.id()))));
        assertEquals(2, master.variants().size());
        Path variant = clipFile(ready, master.variants().get(1).uri());
        MediaPlaylist playlist = MediaPlaylist.parse(Files.readString(variant));
        assertTrue(playlist.ended());
        assertEquals(MediaPlaylist.Type.VOD, playlist.type().orElseThrow());
        assertEquals(ready.cutStartMs(), playlist.entries().get(0).programDateTimeMs());
        assertEquals("", Ffprobe.decodeErrors(variant.toString()), "the HLS rendition decodes cleanly");
    }

    @Test
    void clip_endingInTheFuture_isTooEarlyUntilLiveReachesItsEnd() {
        long nowS = f.clock.millis() / 1000;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, nowS - 2, 4));
        assertEquals(ClipStatus.RECORDING, clip.status());
        TooEarlyException early = assertThrows(TooEarlyException.class,
                () -> f.engine.media().clip(STREAM, MediaPaths.clipMasterMp4(clip.id())));
        assertTrue(early.readyAtMs() >= (nowS + 2) * 1000, "ready no earlier than start + duration");

        f.produce(Duration.ofSeconds(1));
        f.engine.awaitCuts();
        assertEquals(ClipStatus.RECORDING, f.engine.clips().get(clip.id()).status());

        f.produce(Duration.ofSeconds(2));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);
        assertTrue(ready.cutEndMs() - ready.endS() * 1000 < SEGMENT_MS, "ready within one segment of its end");
        assertTrue(Files.isRegularFile(clipFile(ready, MediaPaths.clipMasterMp4(clip.id()))));
    }

    @Test
    void clip_outlivesDvrCleanupAndRollOver() throws Exception {
        long startS = f.window().startMs() / 1000 + 1;
        Clip clip = f.awaitStatus(f.engine.clips().create(ClipRequest.of(STREAM, startS, 3)).id(), ClipStatus.READY);

        f.engine.streams().cleanupDvr(STREAM);
        assertEquals(0, f.engine.streams().state(STREAM).segmentCount());
        Path mp4 = clipFile(clip, MediaPaths.clipMasterMp4(clip.id()));
        assertEquals(java.util.List.of("h264", "aac"), Ffprobe.codecs(mp4));

        f.engine.streams().update(STREAM, new StreamPatch(Optional.empty(), Optional.empty(), OptionalInt.of(30),
                Optional.empty()));
        f.produce(Duration.ofSeconds(35));
        f.engine.sweepNow();
        assertTrue(f.window().startMs() > clip.cutEndMs(), "the DVR rolled past the clip");
        assertEquals("", Ffprobe.decodeErrors(clipFile(clip, MediaPaths.clipPlaylist(clip.id(), "media_2_720"))
                .toString()));
    }

    @Test
    void expiry_removesTheClipAndItsFiles() {
        long startS = f.window().startMs() / 1000 + 1;
        // Available now (it ended in the past): the shortest life is a minute from now.
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 2).withExpiration(f.clock.millis() / 1000
                + 60));
        f.awaitStatus(clip.id(), ClipStatus.READY);
        Path folder = f.engine.layout().clipDir(clip.id());
        assertTrue(Files.isDirectory(folder));

        f.clock.set(java.time.Instant.ofEpochSecond(clip.expirationS()).minusMillis(1));
        assertEquals(clip.id(), f.engine.clips().get(clip.id()).id(), "alive until the last millisecond");
        f.clock.set(java.time.Instant.ofEpochSecond(clip.expirationS()));
        assertThrows(NotFoundException.class, () -> f.engine.clips().get(clip.id()));
        assertThrows(NotFoundException.class,
                () -> f.engine.media().clip(STREAM, MediaPaths.clipMasterMp4(clip.id())));
        f.engine.sweepNow();
        assertFalse(Files.exists(folder), "files deleted by the sweep");
        assertTrue(f.engine.clips().list(STREAM).stream().noneMatch(c -> c.id().equals(clip.id())));
    }

    @Test
    void vodRequired_makesAPermanentVideoThatOutlivesTheClip() {
        long startS = f.window().startMs() / 1000 + 1;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 3).withVod(true).withName("Goal 1-0"));
        assertTrue(clip.videoId() > 0, "the response carries the video id at once");
        f.awaitStatus(clip.id(), ClipStatus.READY);
        EngineFixture.await("video ready", () -> f.engine.videos().get(clip.videoId()).status() == VideoStatus.READY);

        f.clock.set(java.time.Instant.ofEpochSecond(clip.expirationS() + 10));
        f.engine.sweepNow();
        f.engine.streams().cleanupDvr(STREAM);
        Video video = f.engine.videos().get(clip.videoId());
        assertEquals(VideoStatus.READY, video.status());
        assertEquals("Goal 1-0", video.name());
        assertEquals(3000, video.durationMs(), SEGMENT_MS);
        MediaContent mp4 = f.engine.media().video(video.pathKey(), MediaPaths.videoMp4("media_2_720"));
        assertEquals(java.util.List.of("h264", "aac"), Ffprobe.codecs(((MediaContent.FileContent) mp4).path()));
    }

    @Test
    void create_startBeforeTheDvr_isRejectedWithTheWindow() {
        long tailS = f.window().startMs() / 1000;
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> f.engine.clips().create(ClipRequest.of(STREAM, tailS - 5, 2)));
        assertTrue(e.getMessage().contains("before the DVR window " + tailS), e.getMessage());
    }

    @Test
    void create_withDvrDisabled_isRejected() {
        f.engine.streams().update(STREAM, new StreamPatch(Optional.empty(), Optional.of(false), OptionalInt.empty(),
                Optional.empty()));
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> f.engine.clips().create(ClipRequest.of(STREAM, f.clock.millis() / 1000 - 3, 2)));
        assertEquals(ClipRejectedException.Rule.DVR_DISABLED, e.rule());
    }

    @Test
    void secondEngine_onTheSameDataDir_isRefusedWithAReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Engines.open(dir, f.clock, SEGMENT_MS));
        assertTrue(e.getMessage().contains("already using the data dir"), e.getMessage());
        assertTrue(f.engine.streams().state(STREAM).segmentCount() > 0);
    }

    @Test
    void delete_whileTheCutFinishes_staysDeleted() {
        long startS = f.window().startMs() / 1000 + 1;
        for (int i = 0; i < 5; i++) {
            Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 2));
            f.engine.clips().delete(clip.id());
            f.engine.awaitCuts();
            assertThrows(NotFoundException.class, () -> f.engine.clips().get(clip.id()));
            assertFalse(Files.exists(f.engine.layout().clipDir(clip.id())));
        }
    }
}
