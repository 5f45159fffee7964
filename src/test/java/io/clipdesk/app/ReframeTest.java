package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.Video;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.SignalBars;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reframes of a real clip of the test signal, checked with ffprobe and by the colours of its bars
 * ({@link SignalBars}).
 */
class ReframeTest {

    static final int SEGMENT_MS = 2000;
    static final double FRAME_S = 0.04;
    static final int YELLOW = SignalBars.YELLOW;
    static final int RED = SignalBars.RED;
    static final int GREEN = SignalBars.GREEN;

    @TempDir
    Path dir;
    EngineFixture f;
    Clip clip;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, SEGMENT_MS);
        f.produce(Duration.ofSeconds(8));
        long startS = f.window().startMs() / 1000 + 2;
        clip = f.awaitStatus(f.engine.clips().create(ClipRequest.of(STREAM, startS, 4).withVod(true)).id(),
                ClipStatus.READY);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Path clipFile(String name) {
        return ((MediaContent.FileContent) f.engine.media().clip(STREAM, name)).path();
    }

    private Reframe made(ReframeAspect aspect, CropPath crop) {
        f.engine.reframes().request(clip.id(), aspect, crop);
        f.engine.awaitReframes();
        Reframe r = f.engine.reframes().list(clip.id()).stream().filter(x -> x.aspect() == aspect).findFirst()
                .orElseThrow();
        assertEquals(ReframeStatus.READY, r.status(), r.error());
        return r;
    }

    @Test
    void eachShape_is1080OnTheShortSide_lastsTheClip_withItsSound_andPlaysAsHls() {
        double clipS = Ffprobe.durationS(clipFile(MediaPaths.clipMasterMp4(clip.id())));
        for (ReframeAspect aspect : ReframeAspect.values()) {
            Reframe r = made(aspect, CropPath.CENTRED);
            Path mp4 = clipFile(r.mp4Name());
            JsonNode video = Ffprobe.stream(Ffprobe.streams(mp4.toString()), "video");
            assertEquals(aspect.width(), video.get("width").asInt(), aspect.wire());
            assertEquals(aspect.height(), video.get("height").asInt(), aspect.wire());
            assertEquals("h264", video.get("codec_name").asText());
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(mp4));
            assertEquals(clipS, Ffprobe.durationS(mp4), FRAME_S, aspect.wire() + " lasts the clip, within a frame");
            assertEquals(clipS * 1000, r.durationMs(), FRAME_S * 1000);
            assertEquals("", Ffprobe.decodeErrors(clipFile(r.playlistName()).toString()), aspect + " HLS plays");
        }
        assertEquals(List.of("1080x1920", "1080x1080", "1080x1350"), List.of(dims("9x16"), dims("1x1"), dims("4x5")));
    }

    private String dims(String slug) {
        JsonNode v = Ffprobe.stream(Ffprobe.streams(clipFile("rec_" + clip.id() + "_reframe_" + slug + ".mp4")
                .toString()), "video");
        return v.get("width").asInt() + "x" + v.get("height").asInt();
    }

    @Test
    void vertical_takesTheCropWhereTheEditorPutIt() throws Exception {
        // A 9:16 window over 1280x720 is 404 px wide: at the left edge its middle is on the yellow bar (183–366);
        // at the right edge (876–1280) it is on the red one (915–1098).
        Reframe left = made(ReframeAspect.VERTICAL, CropPath.fixed(0, 0.5));
        assertBarColour(clipFile(left.mp4Name()), YELLOW);

        Reframe right = made(ReframeAspect.VERTICAL, CropPath.fixed(1, 0.5));
        assertBarColour(clipFile(right.mp4Name()), RED);

        Reframe middle = made(ReframeAspect.VERTICAL, CropPath.fixed(0.5, 0.5)); // 438–842: green is 549–732
        assertBarColour(clipFile(middle.mp4Name()), GREEN);
    }

    private static void assertBarColour(Path mp4, int expected) throws Exception {
        SignalBars.assertMiddleBar(mp4, 1080, 1920, expected);
    }

    @Test
    void aKeptClip_keepsItsReframesInItsVideo_andAClipsReframesExpireWithIt() throws Exception {
        Reframe r = made(ReframeAspect.SQUARE, CropPath.CENTRED);
        f.engine.awaitCuts();
        Video video = f.engine.videos().get(clip.videoId());
        Path kept = f.engine.layout().videoDir(video.pathKey());
        assertTrue(Files.exists(kept.resolve(r.mp4Name())), "the reframe is in the permanent video's folder");
        assertTrue(Files.exists(kept.resolve(r.playlistName())));

        f.clock.advance(Duration.ofSeconds(clip.expirationS() - f.nowS() + 1));
        f.engine.sweepNow();

        assertFalse(Files.exists(f.engine.layout().clipDir(clip.id())));
        assertTrue(Files.exists(kept.resolve(r.mp4Name())), "the video's copy outlives the clip");
        assertEquals(Ffprobe.durationS(kept.resolve(r.mp4Name())), r.durationMs() / 1000.0, FRAME_S);
    }

    @Test
    void aClipStillRecording_cannotBeReframed_andTheRuleIsNamed() {
        Clip recording = f.engine.clips().create(ClipRequest.of(STREAM, f.nowS() + 5, 2));
        ClipRejectedException refused = assertThrows(ClipRejectedException.class,
                () -> f.engine.reframes().request(recording.id(), ReframeAspect.VERTICAL, CropPath.CENTRED));
        assertEquals(ClipRejectedException.Rule.REFRAME_NOT_READY, refused.rule());
        assertTrue(refused.getMessage().startsWith("REFRAME_NOT_READY"), refused.getMessage());
    }
}
