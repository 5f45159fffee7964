package io.clipdesk.media.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.clip.Remuxer;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.testsignal.TestSignalRecorder;
import io.clipdesk.testing.Ffprobe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FfmpegRemuxerTest {

    static final double FRAME_S = 0.04;
    static final Rendition RENDITION = Rendition.DEFAULT_LADDER.get(0);

    @TempDir
    static Path segmentsDir;
    static List<Path> segments;

    @TempDir
    Path out;

    private final FfmpegRemuxer remuxer = new FfmpegRemuxer();

    @BeforeAll
    static void record() {
        LiveStream stream = new LiveStream(5, "Remux", SourceSpec.TEST_SIGNAL, true, 3600, "abcdefabcdef", 0,
                List.of(RENDITION));
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
        segments = TestSignalRecorder.record(stream, 1000, 4, clock, segmentsDir).files(RENDITION.name());
    }

    @Test
    void toMp4_isH264AndAac_startingAtZero_withAKeyframe() throws Exception {
        Path mp4 = out.resolve("clip.mp4");
        remuxer.toMp4(segments, mp4);

        JsonNode probe = Ffprobe.streams(mp4.toString());
        assertEquals("h264", Ffprobe.stream(probe, "video").get("codec_name").asText());
        assertEquals("aac", Ffprobe.stream(probe, "audio").get("codec_name").asText());
        assertEquals(0.0, probe.get("format").get("start_time").asDouble(), 1e-6);
        assertTrue(Ffprobe.packets(mp4.toString(), "v").get(0).get("flags").asText().startsWith("K"));
    }

    @Test
    void toMp4_lastsTheSumOfItsSegmentsWithinOneFrame() throws Exception {
        Path mp4 = out.resolve("clip.mp4");
        Remuxer.RemuxResult result = remuxer.toMp4(segments, mp4);

        double sumS = 0;
        for (Path s : segments) {
            sumS += Ffprobe.stream(Ffprobe.streams(s.toString()), "video").get("duration").asDouble();
        }
        assertEquals(sumS, Ffprobe.streams(mp4.toString()).get("format").get("duration").asDouble(), FRAME_S);
        assertEquals(sumS, result.durationUs() / 1e6, FRAME_S);
        assertEquals(Files.size(mp4), result.sizeBytes());
    }

    @Test
    void toMp4_putsMoovBeforeMdat() throws Exception {
        Path mp4 = out.resolve("clip.mp4");
        remuxer.toMp4(segments, mp4);

        List<String> boxes = topLevelBoxes(mp4);
        assertTrue(boxes.contains("mdat"), boxes.toString());
        assertTrue(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"), boxes.toString());
    }

    @Test
    void toMp4_audio_decodesCleanly() throws Exception {
        // The TS carries ADTS; MP4 needs the AudioSpecificConfig instead. A wrong conversion fails to decode.
        Path mp4 = out.resolve("clip.mp4");
        remuxer.toMp4(segments, mp4);

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", mp4.toString(), "-map", "0:a", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ffmpeg.waitFor());
        assertEquals("", errors);
    }

    @Test
    void toMp4_segmentsFromARestartedSource_keepTimestampsMonotonicAndGapless() throws Exception {
        // The same four segments twice: at the join the timestamps jump back by four seconds.
        List<Path> restarted = new ArrayList<>(segments);
        restarted.addAll(segments);
        Path mp4 = out.resolve("restarted.mp4");
        Remuxer.RemuxResult result = remuxer.toMp4(restarted, mp4);

        for (String stream : List.of("v", "a")) {
            JsonNode packets = Ffprobe.packets(mp4.toString(), stream);
            for (int i = 1; i < packets.size(); i++) {
                assertTrue(packets.get(i).get("dts").asLong() > packets.get(i - 1).get("dts").asLong(),
                        stream + " dts not increasing at packet " + i);
            }
        }
        long onceUs = remuxer.toMp4(segments, out.resolve("once.mp4")).durationUs();
        assertEquals(2 * onceUs / 1e6, result.durationUs() / 1e6, FRAME_S, "no gap or overlap at the join");
    }

    @Test
    void toMp4_gapBetweenSegments_isClosed() throws Exception {
        // Segment 2 missing (a source outage in the DVR): the MP4 plays 0, 1, 3 back to back.
        Remuxer.RemuxResult gapped = remuxer.toMp4(List.of(segments.get(0), segments.get(1), segments.get(3)),
                out.resolve("gapped.mp4"));
        Remuxer.RemuxResult contiguous = remuxer.toMp4(segments.subList(0, 3), out.resolve("contiguous.mp4"));

        assertEquals(contiguous.durationUs() / 1e6, gapped.durationUs() / 1e6, FRAME_S);
    }

    @Test
    void toMp4_unreadableSegment_failsNamingIt_andLeavesNoFile() throws Exception {
        Path garbage = out.resolve("broken.ts");
        Files.write(garbage, "this is not a transport stream".repeat(100).getBytes(StandardCharsets.UTF_8));
        Path mp4 = out.resolve("clip.mp4");

        MediaException e = assertThrows(MediaException.class, () -> remuxer.toMp4(List.of(garbage), mp4));
        assertTrue(e.getMessage().contains("cannot read segment") && e.getMessage().contains("broken.ts"),
                e.getMessage());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(garbage), left.toList());
        }
    }

    @Test
    void toMp4_missingSegment_failsNamingIt() {
        Path missing = out.resolve("gone.ts");
        MediaException e = assertThrows(MediaException.class,
                () -> remuxer.toMp4(List.of(segments.get(0), missing), out.resolve("clip.mp4")));
        assertTrue(e.getMessage().contains("gone.ts"), e.getMessage());
        assertFalse(Files.exists(out.resolve("clip.mp4")));
    }

    @Test
    void toMp4_noSegments_isRejected() {
        assertThrows(MediaException.class, () -> remuxer.toMp4(List.of(), out.resolve("clip.mp4")));
    }

    private static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> types = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mp4); DataInputStream data = new DataInputStream(in)) {
            long remaining = Files.size(mp4);
            while (remaining >= 8) {
                long size = data.readInt() & 0xFFFFFFFFL;
                byte[] type = data.readNBytes(4);
                long header = 8;
                if (size == 1) {
                    size = data.readLong();
                    header = 16;
                }
                types.add(new String(type, StandardCharsets.ISO_8859_1));
                data.skipNBytes(size - header);
                remaining -= size;
            }
        }
        return types;
    }
}
