package io.clipdesk.media.clip;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.clip.SegmentTrimmer;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.testsignal.TestSignalRecorder;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Frame-exact trims of real test-signal segments (2 s GOPs, 360p), judged by ffprobe and ffmpeg. */
class FfmpegSegmentTrimmerTest {

    static final int SEGMENT_MS = 2000;
    static final Rendition RENDITION = Rendition.DEFAULT_LADDER.get(0);
    static final Rendition CAMERA = Rendition.named(1, 320, 180, 300);
    static final long FRAME_TICKS = 3600;
    static final long AAC_FRAME_TICKS = 1920; // 1024 samples at 48 kHz

    @TempDir
    static Path recorded;
    static List<Path> segments;

    @TempDir
    Path out;

    private final FfmpegSegmentTrimmer trimmer = new FfmpegSegmentTrimmer();

    @BeforeAll
    static void record() {
        LiveStream stream = new LiveStream(7, "Trim", SourceSpec.TEST_SIGNAL, true, 3600, "abcdefabcdef", 0,
                List.of(RENDITION));
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
        segments = TestSignalRecorder.record(stream, SEGMENT_MS, 3, clock, recorded).files(RENDITION.name());
    }

    private SegmentTrimmer.Range range(long fromMs, long toMs) {
        return new SegmentTrimmer.Range(fromMs * 1000, toMs * 1000, RENDITION, SEGMENT_MS);
    }

    @Test
    void trim_dropsTheHead_reencodesFromTheFrameAtTheCut_asAnIdrWithTheDvrsTimestampsAndParameterSets() {
        Path trimmed = out.resolve("head.ts");
        SegmentTrimmer.Trimmed result = trimmer.trim(segments.get(1), trimmed, range(520, SEGMENT_MS))
                .orElseThrow();

        assertTrue(result.reencoded());
        assertFalse(result.foreignParameterSets(), "x264 with the DVR's settings writes the same SPS and PPS");
        assertEquals(520_000, result.offsetUs());
        assertEquals(1_480_000, result.durationUs());
        JsonNode original = Ffprobe.packets(segments.get(1).toString(), "v");
        JsonNode video = Ffprobe.packets(trimmed.toString(), "v");
        assertEquals(50 - 13, video.size());
        assertTrue(video.get(0).get("flags").asText().startsWith("K"));
        assertEquals(original.get(13).get("pts").asLong(), video.get(0).get("pts").asLong(), "the DVR's own clock");
        assertEquals(original.get(49).get("pts").asLong(), video.get(36).get("pts").asLong());
        long audioStart = Ffprobe.packets(trimmed.toString(), "a").get(0).get("pts").asLong();
        long videoStart = video.get(0).get("pts").asLong();
        assertTrue(audioStart >= videoStart && audioStart - videoStart < AAC_FRAME_TICKS,
                "audio starts with the first AAC frame at or after the picture: " + (audioStart - videoStart));
        assertEquals("", Ffprobe.decodeErrors("concat:" + trimmed + "|" + segments.get(2)),
                "the new GOP splices onto the next DVR segment");
    }

    @Test
    void trim_firstPicture_isTheFrameAtTheCut() {
        Path trimmed = out.resolve("head.ts");
        trimmer.trim(segments.get(1), trimmed, range(520, SEGMENT_MS));

        double atCut = psnr(trimmed, 0, segments.get(1), 13);
        assertTrue(atCut > 30, "the first picture is frame 13 re-encoded: PSNR " + atCut);
        assertTrue(atCut > psnr(trimmed, 0, segments.get(1), 12) + 3, "and not the frame before it");
        assertTrue(atCut > psnr(trimmed, 0, segments.get(1), 14) + 3, "nor the frame after it");
    }

    @Test
    void trim_droppingOnlyTheTail_copiesTheFirstPackets() {
        Path trimmed = out.resolve("tail.ts");
        SegmentTrimmer.Trimmed result = trimmer.trim(segments.get(1), trimmed, range(0, 1200)).orElseThrow();

        assertFalse(result.reencoded(), "a decode-order prefix plays as it is");
        assertEquals(0, result.offsetUs());
        assertEquals(1_200_000, result.durationUs());
        JsonNode original = Ffprobe.packets(segments.get(1).toString(), "v");
        JsonNode video = Ffprobe.packets(trimmed.toString(), "v");
        assertEquals(30, video.size());
        assertEquals(original.get(0).get("pts").asLong(), video.get(0).get("pts").asLong());
        JsonNode audio = Ffprobe.packets(trimmed.toString(), "a");
        long audioEnd = audio.get(audio.size() - 1).get("pts").asLong() + AAC_FRAME_TICKS;
        long videoEnd = video.get(29).get("pts").asLong() + FRAME_TICKS;
        assertTrue(audioEnd <= videoEnd && videoEnd - audioEnd < AAC_FRAME_TICKS,
                "audio ends with the last whole AAC frame inside the pictures: " + (videoEnd - audioEnd));
        assertEquals("", Ffprobe.decodeErrors("concat:" + segments.get(0) + "|" + trimmed));
    }

    @Test
    void trim_bothEnds_keepsTheFramesBetween() {
        Path trimmed = out.resolve("both.ts");
        SegmentTrimmer.Trimmed result = trimmer.trim(segments.get(0), trimmed, range(400, 1240)).orElseThrow();

        assertTrue(result.reencoded());
        assertEquals(400_000, result.offsetUs());
        assertEquals(840_000, result.durationUs());
        assertEquals(21, Ffprobe.packets(trimmed.toString(), "v").size());
        assertEquals("", Ffprobe.decodeErrors(trimmed.toString()));
    }

    @Test
    void trim_cutBetweenFrames_landsOnTheNearestFrameBoundary() {
        Path trimmed = out.resolve("near.ts");
        SegmentTrimmer.Trimmed result = trimmer.trim(segments.get(1), trimmed, range(0, 1215)).orElseThrow();

        assertEquals(1_200_000, result.durationUs(), "1215 ms is nearer frame boundary 1200 than 1240");
    }

    @Test
    void trim_aSliverBetweenTwoFrames_keepsNothing_andWritesNothing() {
        Path none = out.resolve("none.ts");
        assertTrue(trimmer.trim(segments.get(1), none, range(1985, SEGMENT_MS)).isEmpty(),
                "the last frame (1960–2000 ms) has its middle before 1985 ms");
        assertFalse(java.nio.file.Files.exists(none));
    }

    @Test
    void trim_aFileThatIsNoSegment_isAMediaException() throws Exception {
        Path junk = java.nio.file.Files.writeString(out.resolve("junk.ts"), "not a transport stream");
        assertThrows(MediaException.class, () -> trimmer.trim(junk, out.resolve("x.ts"), range(500, 1000)));
    }

    @Test
    void trim_tailOfABFrameGop_reencodes_withTheSourcesDecodeDelay_andSaysItsParameterSetsAreForeign() {
        List<Path> camera = bFrameSegments();
        Path trimmed = out.resolve("b-tail.ts");
        // I0 P3 B1 B2 P6 B4 B5 …: frames 0–25 end on a B-frame decoded after P27, so no prefix holds just them.
        SegmentTrimmer.Trimmed result = trimmer.trim(camera.get(0), trimmed, new SegmentTrimmer.Range(0, 1_040_000,
                CAMERA, SEGMENT_MS)).orElseThrow();

        assertTrue(result.reencoded());
        assertTrue(result.foreignParameterSets(), "x264 without B-frames writes other SPS than the camera's");
        assertEquals(1_040_000, result.durationUs());
        JsonNode original = Ffprobe.packets(camera.get(0).toString(), "v");
        JsonNode video = Ffprobe.packets(trimmed.toString(), "v");
        assertEquals(26, video.size());
        long delay = original.get(0).get("pts").asLong() - original.get(0).get("dts").asLong();
        assertTrue(delay > 0, "the camera's B-frames delay presentation");
        assertEquals(original.get(0).get("pts").asLong(), video.get(0).get("pts").asLong());
        assertEquals(original.get(0).get("dts").asLong(), video.get(0).get("dts").asLong(), "same decode delay");
        assertEquals("", Ffprobe.decodeErrors(trimmed.toString()));
    }

    @Test
    void trim_headOfABFrameGop_keepsDecodeTimesRisingIntoTheNextSegment() {
        List<Path> camera = bFrameSegments();
        Path trimmed = out.resolve("b-head.ts");
        trimmer.trim(camera.get(0), trimmed, new SegmentTrimmer.Range(1_000_000, 3_000_000, CAMERA, SEGMENT_MS));

        JsonNode video = Ffprobe.packets(trimmed.toString(), "v");
        assertEquals(50, video.size());
        long lastDts = video.get(video.size() - 1).get("dts").asLong();
        long nextDts = Ffprobe.packets(camera.get(1).toString(), "v").get(0).get("dts").asLong();
        assertTrue(lastDts < nextDts, "decode order runs on across the join: " + lastDts + " then " + nextDts);
        assertEquals("", Ffprobe.decodeErrors("concat:" + trimmed + "|" + camera.get(1)));
    }

    /** Two 3 s GOPs of a camera-like H.264 with a fixed I P B B pattern, as TS segments on one clock. */
    private List<Path> bFrameSegments() {
        FfmpegCli.run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-preset", "veryfast", "-x264-params",
                "bframes=2:b-adapt=0:b-pyramid=none", "-g", "75", "-keyint_min", "75", "-sc_threshold", "0",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", "6", "-f", "segment", "-segment_time", "3",
                "-segment_format", "mpegts", out.resolve("camera_%d.ts").toString());
        return List.of(out.resolve("camera_0.ts"), out.resolve("camera_1.ts"));
    }

    /** PSNR (dB, luma and chroma average) of picture {@code a} of one file against picture {@code b} of another. */
    private static double psnr(Path fileA, int a, Path fileB, int b) {
        String out = FfmpegCli.runForOutput("-i", fileA.toString(), "-i", fileB.toString(), "-filter_complex",
                "[0:v]select=eq(n\\," + a + ")[a];[1:v]select=eq(n\\," + b + ")[b];[a][b]psnr", "-f", "null", "-");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("average:([0-9.]+|inf)").matcher(out);
        assertTrue(m.find(), "no PSNR in ffmpeg's output: " + out);
        return m.group(1).equals("inf") ? 99 : Double.parseDouble(m.group(1));
    }
}
