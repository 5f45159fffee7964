package io.clipdesk.app;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipPolicy;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.Video;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adjust (the range again from the DVR) and trim (inside the clip's own media) on a real engine and real media. */
class ClipAdjustTest {

    static final int SEGMENT_MS = 2000;
    static final double FRAME_S = 0.04;
    static final ClipDescription DESCRIBED = new ClipDescription("Header from the corner", List.of("goal", "home"),
            "ana");

    @TempDir
    Path dir;
    EngineFixture f;
    long startS;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, SEGMENT_MS);
        f.produce(Duration.ofSeconds(12));
        startS = f.window().startMs() / 1000 + 3;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Clip exactClip(long fromMs, long toMs, boolean vod) {
        ClipRequest request = ClipRequest.of(STREAM, Math.floorDiv(fromMs, 1000),
                        Math.floorDiv(toMs + 999, 1000) - Math.floorDiv(fromMs, 1000))
                .withExactRange(new ExactRange(fromMs, toMs)).withLife(600).withVod(vod).withName("Goal 1-0")
                .withDescription(DESCRIBED);
        return f.awaitStatus(f.engine.clips().create(request).id(), ClipStatus.READY);
    }

    private Path mp4(Clip clip) {
        return ((MediaContent.FileContent) f.engine.media().clip(STREAM, MediaPaths.clipMasterMp4(clip.id()))).path();
    }

    @Test
    void adjust_movesTheRange_keepsNameDescriptionExactCutAndLife_andRemovesTheOld() {
        long fromMs = startS * 1000 + 520;
        Clip old = exactClip(fromMs, fromMs + 3000, false);
        long lifeS = old.expirationS() - ClipPolicy.availableAtS(old.createdAtMs(), old.endS());
        f.clock.advance(Duration.ofSeconds(5)); // the editor takes a while: the life counts again from the new clip

        Clip adjusted = f.engine.clips().adjust(old.id(), fromMs - 1240, fromMs + 3960);
        Clip ready = f.awaitStatus(adjusted.id(), ClipStatus.READY);

        assertNotEquals(old.id(), ready.id());
        assertEquals(new ExactRange(fromMs - 1240, fromMs + 3960), ready.exactRange().orElseThrow());
        assertEquals(ClipAccuracy.FRAME, ready.accuracy());
        assertEquals(fromMs - 1240, ready.cutStartMs(), FRAME_S * 1000);
        assertEquals(5.2, Ffprobe.durationS(mp4(ready)), FRAME_S, "the new range, to the frame");
        assertEquals("Goal 1-0", ready.name());
        assertEquals(DESCRIBED, ready.description());
        assertEquals(lifeS, ready.expirationS() - ClipPolicy.availableAtS(ready.createdAtMs(), ready.endS()));
        assertThrows(NotFoundException.class, () -> f.engine.clips().get(old.id()));
        assertFalse(Files.exists(f.engine.layout().clipDir(old.id())), "the old clip's files are gone");
        assertEquals(List.of(ready.id()), f.engine.clips().list(STREAM).stream().map(Clip::id).toList());
    }

    @Test
    void adjust_ofAClipKeptPermanent_givesTheCorrectedClipTheVideo_andDropsTheOldVideo() {
        Clip old = exactClip(startS * 1000, startS * 1000 + 2000, true);
        f.engine.awaitCuts();

        Clip adjusted = f.awaitStatus(f.engine.clips().adjust(old.id(), startS * 1000 + 1000, startS * 1000 + 4000)
                .id(), ClipStatus.READY);

        assertTrue(adjusted.hasVideo());
        EngineFixture.await("the corrected clip's video", () -> f.engine.videos().list().stream()
                .anyMatch(v -> v.id() == adjusted.videoId() && v.status().name().equals("READY")));
        assertEquals(List.of(adjusted.videoId()), f.engine.videos().list().stream().map(Video::id).toList());
    }

    @Test
    void adjust_outsideTheDvr_isRefusedNamingTheRule_andTheClipStays() {
        long dvrStartMs = f.window().startMs();
        Clip old = exactClip(dvrStartMs + 200, dvrStartMs + 2000, false);

        ClipRejectedException refused = assertThrows(ClipRejectedException.class,
                () -> f.engine.clips().adjust(old.id(), dvrStartMs - 1000, dvrStartMs + 2000));

        assertEquals(ClipRejectedException.Rule.ADJUST_OUTSIDE_DVR, refused.rule());
        assertTrue(refused.getMessage().contains("ADJUST_OUTSIDE_DVR"), refused.getMessage());
        assertTrue(refused.getMessage().contains("trim"), "offers the trim: " + refused.getMessage());
        assertEquals(old, f.engine.clips().get(old.id()));
        assertEquals(1, f.engine.clips().list(STREAM).size());
    }

    @Test
    void trim_insideTheClipsOwnMedia_cutsToTheFrame_keepsMetadataAndExpiration() {
        long fromMs = startS * 1000 + 520;
        Clip old = exactClip(fromMs, fromMs + 5000, false);

        Clip trimmed = f.engine.clips().trim(old.id(), fromMs + 1000, fromMs + 3500);

        assertEquals(ClipStatus.READY, trimmed.status(), "made from files already there: ready at once");
        assertEquals(2.5, Ffprobe.durationS(mp4(trimmed)), FRAME_S);
        assertEquals("", Ffprobe.decodeErrors(mp4(trimmed).toString()));
        assertEquals(fromMs + 1000, trimmed.cutStartMs(), FRAME_S * 1000);
        assertEquals(old.expirationS(), trimmed.expirationS());
        assertEquals(DESCRIBED, trimmed.description());
        assertEquals("Goal 1-0", trimmed.name());
        assertThrows(NotFoundException.class, () -> f.engine.clips().get(old.id()));
    }

    @Test
    void trim_outsideTheClip_isRefusedNamingTheRule() {
        long fromMs = startS * 1000;
        Clip old = exactClip(fromMs, fromMs + 2000, false);

        ClipRejectedException refused = assertThrows(ClipRejectedException.class,
                () -> f.engine.clips().trim(old.id(), fromMs - 500, fromMs + 1000));

        assertEquals(ClipRejectedException.Rule.TRIM_OUTSIDE_CLIP, refused.rule());
        assertTrue(refused.getMessage().startsWith("TRIM_OUTSIDE_CLIP"), refused.getMessage());
        assertEquals(old, f.engine.clips().get(old.id()));
    }
}
