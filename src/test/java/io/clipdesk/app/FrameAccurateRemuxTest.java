package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.LiveFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code "accuracy": "frame"} on a remuxed source: a file played as live whose H.264 has B-frames and a 3 s GOP,
 * longer than the engine's 2 s target, so the DVR keeps 3 s segments of the source's own encoding.
 */
class FrameAccurateRemuxTest {

    static final int SEGMENT_MS = 2000;
    static final int GOP_MS = 3000;

    @TempDir
    Path dir;
    SourcesFixture f;
    LiveStream stream;
    long startedMs;

    @BeforeEach
    void open() {
        Path file = FfmpegCli.h264FileWithBFrames(dir.resolve("camera.mp4"), 15, 75);
        f = new SourcesFixture(dir.resolve("data"), SEGMENT_MS);
        startedMs = f.clock.millis();
        stream = f.create("Camera file", new SourceSpec(SourceKind.FILE_LOOP, file.toString()));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * Moves the clock a second at a time until the DVR reaches {@code untilMs}, each time waiting until the source
     * has cut up to at most one GOP behind the clock, so it never falls far enough behind to skip ahead.
     */
    private void feedUntil(long untilMs) {
        for (int step = 0; f.engine.streams().state(stream.id()).window().endMs() < untilMs; step++) {
            assertTrue(step < 60, "the DVR never reached " + untilMs);
            f.clock.advance(Duration.ofSeconds(1));
            long mustReachMs = f.clock.millis() - GOP_MS + 1000;
            if (mustReachMs > startedMs) {
                LiveFeed.await("DVR to reach " + mustReachMs,
                        () -> f.engine.streams().state(stream.id()).window().endMs() >= mustReachMs);
            }
        }
    }

    @Test
    void frameClip_ofARemuxedSourceWithBFrames_deliversExactlyItsRangeAndPlays() throws Exception {
        long startS = startedMs / 1000 + 4; // 1 s into the second GOP
        feedUntil((startS + 7) * 1000);
        List<Segment> dvr = f.segments(stream.id());
        assertEquals(GOP_MS * 1000L, dvr.get(1).durationUs(), 1000, "the DVR keeps the source's 3 s GOPs: " + dvr);

        Clip clip = f.readyClip(ClipRequest.of(stream.id(), startS, 7).withAccuracy(ClipAccuracy.FRAME));

        assertEquals(startS * 1000, clip.cutStartMs());
        assertEquals((startS + 7) * 1000, clip.cutEndMs());
        Path mp4 = f.clipMp4(clip);
        assertEquals(7.0, Ffprobe.durationS(mp4), 0.04, "a segment clip would last 9 s");
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"));
        JsonNode streams = Ffprobe.streams(mp4.toString());
        assertEquals(Ffprobe.stream(streams, "video").get("start_time").asDouble(),
                Ffprobe.stream(streams, "audio").get("start_time").asDouble(), 0.025, "audio and video start together");
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));

        Path variant = f.clipFile(stream.id(), MediaPaths.clipPlaylist(clip.id(), clip.renditions().get(0)));
        String text = Files.readString(variant);
        List<MediaPlaylist.Entry> entries = MediaPlaylist.parse(text).entries();
        assertEquals(startS * 1000, entries.get(0).programDateTimeMs());
        assertEquals(7.0, entries.stream().mapToLong(MediaPlaylist.Entry::durationUs).sum() / 1e6, 0.04, text);
        assertTrue(entries.get(1).discontinuity(),
                "the re-encoded first GOP meets the source's own parameter sets: players are told to reset\n" + text);
        assertEquals("", Ffprobe.decodeErrors(variant.toString()), "the HLS rendition plays across both joins");
    }
}
