package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipRejectedException;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.ClipStatus;
import io.clipdesk.engine.CropPath;
import io.clipdesk.engine.MediaContent;
import io.clipdesk.engine.MediaPaths;
import io.clipdesk.engine.Reframe;
import io.clipdesk.engine.ReframeAspect;
import io.clipdesk.engine.ReframeStatus;
import io.clipdesk.engine.Video;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * Reframes of a real clip of the test signal, checked with ffprobe and by the colours of its bars: the test
 * pattern's top bars are 183 px wide in 1280, grey, yellow, cyan, green, magenta, red, blue from the left.
 */
class ReframeTest {

    static final int SEGMENT_MS = 2000;
    static final double FRAME_S = 0.04;
    static final int YELLOW = 0xC0C000;
    static final int RED = 0xC00000;
    static final int GREEN = 0x00C000;
    static final int ORANGE = 0xFFC800;

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

    /**
     * The output's centre column, at two heights inside the top bars (source rows 140 and 460 of 720, clear of the
     * flash band and the black clock box), on the first picture: each is the bar's colour or the bouncing orange box
     * (80 px, so it can hide one of them, never both).
     */
    private static void assertBarColour(Path mp4, int expected) throws IOException, InterruptedException {
        int width = 1080;
        int height = 1920;
        byte[] rgb = firstPicture(mp4, width, height);
        int matches = 0;
        for (int sourceRow : new int[] {140, 460}) {
            int y = sourceRow * height / 720;
            int i = (y * width + width / 2) * 3;
            int colour = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            if (near(colour, expected)) {
                matches++;
            } else {
                assertTrue(near(colour, ORANGE), String.format("row %d is #%06x, expected #%06x (or the orange box)",
                        sourceRow, colour, expected));
            }
        }
        assertTrue(matches >= 1, String.format("neither sample is #%06x", expected));
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }

    private static byte[] firstPicture(Path mp4, int width, int height) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", mp4.toString(), "-frames:v", "1", "-f",
                "rawvideo", "-pix_fmt", "rgb24", "pipe:1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] rgb = ffmpeg.getInputStream().readAllBytes();
        assertEquals(0, ffmpeg.waitFor());
        assertEquals(width * height * 3, rgb.length);
        return rgb;
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
