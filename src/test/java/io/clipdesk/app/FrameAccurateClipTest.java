package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
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
import java.util.List;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code "accuracy": "frame"} on the real engine: test signal with 2 s segments (GOPs) starting on even seconds, so
 * a clip from an odd second to an odd second cuts into its first and its last GOP.
 */
class FrameAccurateClipTest {

    static final int SEGMENT_MS = 2000;
    static final double FRAME_S = 0.04;

    @TempDir
    Path dir;
    EngineFixture f;
    long startS;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, SEGMENT_MS);
        f.produce(Duration.ofSeconds(8)); // four GOPs: [0, 2) … [6, 8)
        startS = f.window().startMs() / 1000 + 3;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Clip ready(ClipRequest request) {
        return f.awaitStatus(f.engine.clips().create(request).id(), ClipStatus.READY);
    }

    private Path file(String name) {
        return ((MediaContent.FileContent) f.engine.media().clip(STREAM, name)).path();
    }

    @Test
    void frameClip_startingAndEndingInsideGops_deliversExactlyItsRange() throws Exception {
        Clip clip = ready(ClipRequest.of(STREAM, startS, 4).withAccuracy(ClipAccuracy.FRAME));

        assertEquals(startS * 1000, clip.cutStartMs());
        assertEquals((startS + 4) * 1000, clip.cutEndMs());
        Path mp4 = file(MediaPaths.clipMasterMp4(clip.id()));
        assertEquals(4.0, Ffprobe.durationS(mp4), FRAME_S, "a segment clip would last 6 s");
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"), "the MP4 starts on a keyframe");
        JsonNode streams = Ffprobe.streams(mp4.toString());
        double videoStart = Ffprobe.stream(streams, "video").get("start_time").asDouble();
        double audioStart = Ffprobe.stream(streams, "audio").get("start_time").asDouble();
        assertEquals(videoStart, audioStart, 0.025, "audio and video start together");
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));

        for (String rendition : clip.renditions()) {
            Path variant = file(MediaPaths.clipPlaylist(clip.id(), rendition));
            List<MediaPlaylist.Entry> entries = MediaPlaylist.parse(Files.readString(variant)).entries();
            assertEquals(List.of(1_000_000L, 2_000_000L, 1_000_000L),
                    entries.stream().map(MediaPlaylist.Entry::durationUs).toList(), "real durations of " + rendition);
            assertEquals(startS * 1000, entries.get(0).programDateTimeMs());
            assertFalse(entries.stream().anyMatch(MediaPlaylist.Entry::discontinuity),
                    "the re-encoded GOPs carry the DVR's parameter sets and clock: nothing to reset");
            assertEquals("", Ffprobe.decodeErrors(variant.toString()), rendition + " plays across both joins");
        }
    }

    @Test
    void exactClip_fromMsMarksInsideGops_deliversTheMarksToTheFrame() throws Exception {
        long fromMs = startS * 1000 + 520;
        long toMs = (startS + 3) * 1000 + 280;
        Clip clip = ready(ClipRequest.of(STREAM, startS, 4).withExactRange(new ExactRange(fromMs, toMs)));

        assertEquals(fromMs, clip.cutStartMs(), FRAME_S * 1000, "starts at the in mark's frame");
        assertEquals(toMs, clip.cutEndMs(), FRAME_S * 1000, "ends at the out mark's frame");
        assertEquals(startS, clip.startS(), "the API still reports whole seconds");
        assertEquals(4, clip.durationS());
        Path mp4 = file(MediaPaths.clipMasterMp4(clip.id()));
        assertEquals((toMs - fromMs) / 1000.0, Ffprobe.durationS(mp4), FRAME_S, "a whole-second cut would last 4 s");
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"), "the MP4 starts on a keyframe");
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));
        for (String rendition : clip.renditions()) {
            Path variant = file(MediaPaths.clipPlaylist(clip.id(), rendition));
            List<MediaPlaylist.Entry> entries = MediaPlaylist.parse(Files.readString(variant)).entries();
            assertEquals(fromMs, entries.get(0).programDateTimeMs());
            assertEquals((toMs - fromMs) * 1000, entries.stream().mapToLong(MediaPlaylist.Entry::durationUs).sum(),
                    FRAME_S * 1_000_000, "playlist length of " + rendition);
            assertEquals("", Ffprobe.decodeErrors(variant.toString()), rendition + " plays across both joins");
        }
        Segment holding = f.engine.streams().segments(STREAM, fromMs, fromMs + 1).get(0);
        String rendition = clip.renditions().get(0);
        long dvrFirstPts = Ffprobe.packets(f.engine.layout().dvrSegment(STREAM, rendition, holding.sequence())
                .toString(), "v").get(0).get("pts").asLong();
        Path clipFirst = f.engine.layout().clipDir(clip.id()).resolve(MediaPaths.clipSegment(clip.id(), rendition, 0));
        assertEquals(dvrFirstPts + (fromMs - holding.startMs()) * 90,
                Ffprobe.packets(clipFirst.toString(), "v").get(0).get("pts").asLong(), FRAME_S * 90_000,
                "the first picture is the DVR's picture at the in mark");
    }

    @Test
    void frameClip_firstPicture_isTheDvrFrameAtStart() {
        Clip clip = ready(ClipRequest.of(STREAM, startS, 4).withAccuracy(ClipAccuracy.FRAME));

        String rendition = clip.renditions().get(1);
        Segment holding = f.engine.streams().segments(STREAM, startS * 1000, startS * 1000 + 1).get(0);
        Path dvr = f.engine.layout().dvrSegment(STREAM, rendition, holding.sequence());
        long dvrFirstPts = Ffprobe.packets(dvr.toString(), "v").get(0).get("pts").asLong();
        Path clipFirst = f.engine.layout().clipDir(clip.id()).resolve(MediaPaths.clipSegment(clip.id(), rendition, 0));
        JsonNode packets = Ffprobe.packets(clipFirst.toString(), "v");
        long offsetTicks = (startS * 1000 - holding.startMs()) * 90;
        assertEquals(dvrFirstPts + offsetTicks, packets.get(0).get("pts").asLong(),
                "the clip's first picture is the DVR's picture at start, on the DVR's own clock");
        assertTrue(packets.get(0).get("flags").asText().startsWith("K"));
    }

    @Test
    void frameClip_withVod_givesTheVideoTheFrameAccurateFiles() {
        Clip clip = ready(ClipRequest.of(STREAM, startS, 4).withAccuracy(ClipAccuracy.FRAME).withVod(true));
        EngineFixture.await("video ready", () -> f.engine.videos().get(clip.videoId()).status() == VideoStatus.READY);

        Video video = f.engine.videos().get(clip.videoId());
        assertEquals(4000, video.durationMs(), 40);
        Path mp4 = ((MediaContent.FileContent) f.engine.media().video(video.pathKey(),
                MediaPaths.videoMp4(clip.renditions().get(1)))).path();
        assertEquals(4.0, Ffprobe.durationS(mp4), FRAME_S);
    }

    @Test
    void frameClip_fromGopBoundaryToGopBoundary_reencodesNothing() throws Exception {
        Clip clip = ready(ClipRequest.of(STREAM, startS - 1, 4).withAccuracy(ClipAccuracy.FRAME));

        assertEquals((startS - 1) * 1000, clip.cutStartMs());
        assertEquals((startS + 3) * 1000, clip.cutEndMs());
        String rendition = clip.renditions().get(0);
        List<Segment> dvr = f.engine.streams().segments(STREAM, clip.cutStartMs(), clip.cutEndMs());
        for (int i = 0; i < dvr.size(); i++) {
            Path copy = f.engine.layout().clipDir(clip.id()).resolve(MediaPaths.clipSegment(clip.id(), rendition, i));
            assertTrue(Files.isSameFile(copy, f.engine.layout().dvrSegment(STREAM, rendition, dvr.get(i).sequence())),
                    "segment " + i + " is the DVR's own file");
        }
    }

    @Test
    void segmentClip_ofTheSameRange_staysOnGopBoundaries() {
        Clip clip = ready(ClipRequest.of(STREAM, startS, 4));

        assertEquals((startS - 1) * 1000, clip.cutStartMs());
        assertEquals((startS + 5) * 1000, clip.cutEndMs());
        assertEquals(6.0, Ffprobe.durationS(file(MediaPaths.clipMasterMp4(clip.id()))), FRAME_S);
    }
}
