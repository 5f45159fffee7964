package io.clipdesk.app;

import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The segment the engine is writing, read as it grows: the real test signal with 2 s segments on a hand-moved
 * clock, so "half a segment written" is a clock position, not a moment.
 */
class LiveSegmentTest {

    private static final int SEGMENT_MS = 2000;
    private static final String RENDITION = "media_1_360";
    private static final int W = 160;
    private static final int H = 90;

    @TempDir
    Path dir;

    @Test
    void segmentBeingWritten_yieldsPicturesBeforeItIsFinished_thenBecomesTheIndexedSegmentByteForByte()
            throws Exception {
        try (EngineFixture f = new EngineFixture(dir, SEGMENT_MS)) {
            f.produce(Duration.ofMillis(2 * SEGMENT_MS));
            long dvrEndMs = f.window().endMs();
            LiveSegment live = awaitLive(f, dvrEndMs);

            // Half the next segment: its first 25 pictures are written, the segment is not.
            f.clock.advance(Duration.ofMillis(SEGMENT_MS / 2));
            FrameDecoder decoder = new FfmpegFrameDecoder();
            List<Long> offsetsUs = new ArrayList<>();
            List<Integer> pictures = new ArrayList<>();
            int[] argb = new int[W * H];
            try (FrameDecoder.Cursor cursor = decoder.open(SegmentMedia.growing(live, 60_000), W, H)) {
                for (int i = 0; i < 20; i++) {
                    offsetsUs.add(cursor.next(argb));
                    pictures.add(Arrays.hashCode(argb));
                }
                assertFalse(live.ended(), "the segment was finished before its pictures were read");
                assertEquals(dvrEndMs, f.window().endMs(), "the DVR must not show a segment still being written");
                assertTrue(f.engine.streams().liveSegment(EngineFixture.STREAM, RENDITION).isPresent());

                // The rest of the segment, and the DVR indexes it: the reader goes on to its end.
                f.clock.advance(Duration.ofMillis(SEGMENT_MS / 2));
                EngineFixture.await("the segment to be indexed", () -> f.window().endMs() > dvrEndMs);
                for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                    offsetsUs.add(at);
                    pictures.add(Arrays.hashCode(argb));
                }
            }

            List<Long> expected = new ArrayList<>();
            for (long us = 0; us < SEGMENT_MS * 1000L; us += 40_000) {
                expected.add(us);
            }
            assertEquals(expected, offsetsUs, "every picture once, in order, none after the end");
            Segment finished = live.finished().orElseThrow();
            List<Segment> newest = f.engine.streams().latestSegments(EngineFixture.STREAM, 1);
            assertEquals(newest.get(0), finished);
            assertEquals(live.startMs(), finished.startMs());
            Path file = f.engine.layout().dvrSegment(EngineFixture.STREAM, RENDITION, finished.sequence());
            assertArrayEquals(Files.readAllBytes(file), live.copyBytes(),
                    "what was read live is what the DVR keeps");
            List<Integer> fromFile = new ArrayList<>();
            try (FrameDecoder.Cursor cursor = decoder.open(file, W, H)) {
                for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                    fromFile.add(Arrays.hashCode(argb));
                }
            }
            assertEquals(fromFile, pictures, "the pictures decoded live are the DVR segment's pictures");
        }
    }

    @Test
    void engineStopping_abandonsTheSegmentBeingWritten_soNoReaderWaitsForIt() throws Exception {
        EngineFixture f = new EngineFixture(dir, SEGMENT_MS);
        LiveSegment live;
        try {
            f.produce(Duration.ofMillis(SEGMENT_MS));
            live = awaitLive(f, f.window().endMs());
            f.clock.advance(Duration.ofMillis(SEGMENT_MS / 2));
            EngineFixture.await("pictures of the segment being written", () -> live.sizeBytes() > 50_000);
        } finally {
            f.close();
        }
        assertTrue(live.ended());
        assertEquals(Optional.empty(), live.finished());
        // At its end a reader is told so at once (-1), not asked to wait (0) for bytes that will not come.
        assertEquals(-1, live.read(live.sizeBytes(), new byte[1], 0, 1, 0));
    }

    /** The segment being written that starts where the DVR ends. */
    private static LiveSegment awaitLive(EngineFixture f, long startMs) {
        LiveSegment[] found = new LiveSegment[1];
        EngineFixture.await("the segment after " + startMs + " to be written", () -> {
            Optional<LiveSegment> live = f.engine.streams().liveSegment(EngineFixture.STREAM, RENDITION);
            found[0] = live.filter(s -> s.startMs() == startMs).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }
}
