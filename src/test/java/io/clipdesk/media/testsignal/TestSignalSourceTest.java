package io.clipdesk.media.testsignal;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.testing.Ffprobe;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class TestSignalSourceTest {

    static final int SEGMENT_MS = 1000;
    static final int SEGMENTS = 4;
    /** 09:00:00.930 → t0 = 09:00:00.960, so the first whole second is frame 1, not a segment start. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00.930Z"), ZoneOffset.UTC);
    static final long T0_MS = Instant.parse("2025-03-01T09:00:00.960Z").toEpochMilli();

    @TempDir
    static Path dir;
    static TestSignalRecorder.Recording recording;

    @BeforeAll
    static void record() {
        LiveStream stream = new LiveStream(42, "Test source", SourceSpec.TEST_SIGNAL, true, 3600, "abcdefabcdef", 0,
                Rendition.DEFAULT_LADDER);
        recording = TestSignalRecorder.record(stream, SEGMENT_MS, SEGMENTS, CLOCK, dir);
    }

    @Test
    void segments_eachRendition_areH264AndAacAtTheRenditionSize() throws Exception {
        for (Rendition r : Rendition.DEFAULT_LADDER) {
            for (Path file : recording.files(r.name())) {
                JsonNode probe = Ffprobe.streams(file.toString());
                JsonNode video = Ffprobe.stream(probe, "video");
                assertEquals("h264", video.get("codec_name").asText(), file.toString());
                assertEquals(r.width(), video.get("width").asInt(), file.toString());
                assertEquals(r.height(), video.get("height").asInt(), file.toString());
                assertEquals("aac", Ffprobe.stream(probe, "audio").get("codec_name").asText(), file.toString());
            }
        }
    }

    @Test
    void segments_eachRendition_holdExactlyOneKeyframe_theirFirstFrame() throws Exception {
        for (Rendition r : Rendition.DEFAULT_LADDER) {
            for (Path file : recording.files(r.name())) {
                JsonNode packets = Ffprobe.packets(file.toString(), "v");
                assertEquals(25, packets.size(), file.toString());
                for (int i = 0; i < packets.size(); i++) {
                    boolean key = packets.get(i).get("flags").asText().startsWith("K");
                    assertEquals(i == 0, key, file + " packet " + i);
                }
            }
        }
    }

    @Test
    void segments_lastTheSegmentDurationWithinOneFrame() throws Exception {
        for (Rendition r : Rendition.DEFAULT_LADDER) {
            for (Path file : recording.files(r.name())) {
                JsonNode probe = Ffprobe.streams(file.toString());
                assertEquals(1.0, Ffprobe.stream(probe, "video").get("duration").asDouble(), 0.0401, file.toString());
                assertEquals(1.0, probe.get("format").get("duration").asDouble(), 0.0401, file.toString());
            }
        }
    }

    @Test
    void segments_concatenated_haveContinuousMonotonicTimestamps() throws Exception {
        for (Rendition r : Rendition.DEFAULT_LADDER) {
            String concat = "concat:" + recording.files(r.name()).stream().map(Path::toString)
                    .collect(Collectors.joining("|"));
            assertEvenlySpaced(Ffprobe.packets(concat, "v"), 3600, SEGMENTS * 25);
            assertEvenlySpaced(Ffprobe.packets(concat, "a"), 1920, SEGMENTS * 46);
        }
    }

    private static void assertEvenlySpaced(JsonNode packets, long stepTicks, int atLeast) {
        assertTrue(packets.size() >= atLeast, "only " + packets.size() + " packets");
        for (int i = 1; i < packets.size(); i++) {
            long step = packets.get(i).get("pts").asLong() - packets.get(i - 1).get("pts").asLong();
            assertEquals(stepTicks, step, "pts step before packet " + i);
        }
    }

    @Test
    void drafts_areStampedFromT0_oneSegmentApart_discontinuousOnlyAtStart() {
        List<SegmentDraft> drafts = recording.segments();
        for (int i = 0; i < drafts.size(); i++) {
            assertEquals(T0_MS + i * SEGMENT_MS, drafts.get(i).startMs());
            assertEquals(SEGMENT_MS * 1000L, drafts.get(i).durationUs());
            assertEquals(i == 0, drafts.get(i).discontinuity());
        }
    }

    @Test
    void flashAndBeep_fallOnTheWholeSecond_together() throws Exception {
        // Segment 1 starts at 09:00:01.960, so its second frame is 09:00:02.000.
        Path file = recording.files("media_1_360").get(1);
        long firstFrameUs = -1;
        long flashUs = -1;
        long beepUs = -1;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            grabber.start();
            for (Frame f = grabber.grab(); f != null && (flashUs < 0 || beepUs < 0); f = grabber.grab()) {
                if (f.image != null) {
                    firstFrameUs = firstFrameUs < 0 ? f.timestamp : firstFrameUs;
                    if (flashUs < 0 && meanOfRow((ByteBuffer) f.image[0], f.imageStride, f.imageWidth, 10) > 220) {
                        flashUs = f.timestamp;
                    }
                }
                if (f.samples != null && beepUs < 0) {
                    ShortBuffer interleaved = (ShortBuffer) f.samples[0];
                    for (int i = 0; i < interleaved.limit(); i++) {
                        if (Math.abs(interleaved.get(i)) > Short.MAX_VALUE / 5) {
                            beepUs = f.timestamp + i / f.audioChannels * 1_000_000L / 48_000;
                            break;
                        }
                    }
                }
            }
        }
        assertEquals(40_000, flashUs - firstFrameUs, "flash on frame 1 (09:00:02.000)");
        assertTrue(beepUs >= 0, "no beep found");
        assertEquals(flashUs, beepUs, 5_000, "beep vs flash");
    }

    private static double meanOfRow(ByteBuffer gray, int stride, int width, int row) {
        long sum = 0;
        for (int x = 0; x < width; x++) {
            sum += gray.get(row * stride + x) & 0xFF;
        }
        return (double) sum / width;
    }

    @Test
    void thumbnails_areReadableSmallJpegs() throws Exception {
        for (SegmentDraft draft : recording.segments()) {
            BufferedImage image = ImageIO.read(draft.thumbnailFile().toFile());
            assertNotNull(image, draft.thumbnailFile() + " is not an image");
            assertEquals(160, image.getWidth());
            assertEquals(90, image.getHeight());
        }
    }

    @Test
    void recording_leavesNoTempFilesBehind() throws Exception {
        Stream<Path> files = Files.list(dir);
        List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
        files.close();
        assertEquals(SEGMENTS * 3, names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.matches("(media_1_360|media_2_720|thumb)_0000[0-3]\\.(ts|jpg)")),
                names.toString());
    }
}
