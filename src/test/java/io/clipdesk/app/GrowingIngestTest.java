package io.clipdesk.app;

import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.LiveFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Sources other than the test signal write the segment they are cutting as it grows, as the test signal does: a
 * file played as live (paced by the hand-moved clock, so "half a segment written" is a clock position) and RTMP and
 * SRT pushes from the ffmpeg CLI (real time). What a live reader got is, byte for byte, the segment the DVR indexed.
 */
class GrowingIngestTest {

    /** The CLI's 320x180 pictures: a remuxed source's one rendition at its own size. */
    private static final String RENDITION = "media_1_180";
    private static final int W = 160;
    private static final int H = 90;
    private static final long FRAME_US = 40_000;

    @TempDir
    Path dir;
    SourcesFixture f;
    Process encoder;

    @BeforeEach
    void open() {
        f = new SourcesFixture(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        if (encoder != null) {
            encoder.destroyForcibly();
        }
        f.close();
    }

    @Test
    void fileAsLive_segmentBeingWritten_yieldsPicturesBeforeItIsIndexed_thenIsTheIndexedSegmentByteForByte()
            throws Exception {
        Path file = FfmpegCli.h264File(dir.resolve("loop.mp4"), 3);
        LiveStream stream = f.create("Loop", new SourceSpec(SourceKind.FILE_LOOP, file.toString()));
        // The file plays a second ahead of the clock: half a second on, its first segment is cut (written whole:
        // a remuxed source's rendition at a new size is named at its first cut) and the second is half written.
        f.clock.advance(Duration.ofMillis(500));
        f.awaitSegments(stream.id(), 1);
        Segment first = f.segments(stream.id()).get(0);
        LiveSegment live = awaitGrowing(stream.id(), first.endMs());

        FrameDecoder decoder = new FfmpegFrameDecoder();
        List<Long> offsetsUs = new ArrayList<>();
        List<Integer> pictures = new ArrayList<>();
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(SegmentMedia.growing(live, 60_000), W, H)) {
            for (int i = 0; i < 8; i++) {
                offsetsUs.add(cursor.next(argb));
                pictures.add(Arrays.hashCode(argb));
            }
            assertFalse(live.ended(), "the segment was finished before its pictures were read");
            assertEquals(1, f.segments(stream.id()).size(), "the DVR must not show a segment still being written");

            f.clock.advance(Duration.ofMillis(1_000)); // the rest, and the keyframe that cuts it
            f.awaitSegments(stream.id(), 2);
            for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                offsetsUs.add(at);
                pictures.add(Arrays.hashCode(argb));
            }
        }

        Segment indexed = live.finished().orElseThrow(() -> new AssertionError("not handed over: " + live));
        assertEquals(f.segments(stream.id()).get(1), indexed);
        assertEquals(live.startMs(), indexed.startMs());
        assertEquals(everyPicture(indexed), offsetsUs, "every picture once, in order, none after the end");
        Path segmentFile = f.engine.layout().dvrSegment(stream.id(), RENDITION, indexed.sequence());
        assertArrayEquals(Files.readAllBytes(segmentFile), live.copyBytes(), "what was read live is what the DVR keeps");
        assertEquals(decodeFile(decoder, segmentFile), pictures, "the pictures decoded live are the DVR's pictures");
    }

    @Test
    void rtmpPush_eachSegmentGrowsBeforeItIsIndexed_isThenTheIndexedSegmentByteForByte_andNoPictureIsLostOrRepeated()
            throws Exception {
        pushedSegmentsGrow(PushAddress.rtmp(FfmpegCli.freeTcpPort()), "flv");
    }

    @Test
    void srtPush_eachSegmentGrowsBeforeItIsIndexed_isThenTheIndexedSegmentByteForByte_andNoPictureIsLostOrRepeated()
            throws Exception {
        pushedSegmentsGrow(PushAddress.srt(FfmpegCli.freeUdpPort(), ""), "mpegts");
    }

    private void pushedSegmentsGrow(PushAddress address, String format) throws Exception {
        LiveStream stream = f.create("Camera", address.spec());
        f.awaitHealth(stream.id(), SourceHealth.DISCONNECTED, "waiting for an encoder");
        // Every segment the engine shows as being written, seen from outside as a desk would ask for it.
        List<LiveSegment> seen = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<LiveSegment> live = f.engine.streams().liveSegment(stream.id(), RENDITION);
                if (live.isPresent() && (seen.isEmpty() || seen.get(seen.size() - 1) != live.get())) {
                    seen.add(live.get()); // shown only while it grows: never once finished or abandoned
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "growing-watcher");
        watcher.start();
        try {
            encoder = FfmpegCli.push(PushAddress.of(stream.source()).orElseThrow()
                    .pushUrl("127.0.0.1", stream.mediaKey()), format, 30);
            LiveFeed.await("two consecutive segments written as they grew, and indexed", () -> consecutive(seen) != null);
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        LiveSegment[] pair = consecutive(seen);

        FrameDecoder decoder = new FfmpegFrameDecoder();
        List<Long> timesUs = new ArrayList<>();
        for (LiveSegment live : pair) {
            Segment indexed = live.finished().orElseThrow();
            Path segmentFile = f.engine.layout().dvrSegment(stream.id(), RENDITION, indexed.sequence());
            assertArrayEquals(Files.readAllBytes(segmentFile), live.copyBytes(),
                    "what a live reader gets is what the DVR keeps: " + indexed);
            List<Integer> pictures = new ArrayList<>();
            List<Long> offsetsUs = new ArrayList<>();
            int[] argb = new int[W * H];
            try (FrameDecoder.Cursor cursor = decoder.open(SegmentMedia.growing(live, 60_000), W, H)) {
                for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                    offsetsUs.add(at);
                    pictures.add(Arrays.hashCode(argb));
                }
            }
            assertEquals(everyPicture(indexed), offsetsUs, "every picture of " + indexed + " once, in order");
            assertEquals(decodeFile(decoder, segmentFile), pictures);
            offsetsUs.forEach(us -> timesUs.add(indexed.startMs() * 1000 + us));
        }
        for (int i = 1; i < timesUs.size(); i++) {
            assertEquals(FRAME_US, timesUs.get(i) - timesUs.get(i - 1),
                    "across the handover from one segment being written to the next, picture " + i + ": " + timesUs);
        }
    }

    /** Two segments seen growing one after the other, both indexed since; null while there are none. */
    private static LiveSegment[] consecutive(List<LiveSegment> seen) {
        for (int i = 1; i < seen.size(); i++) {
            LiveSegment a = seen.get(i - 1);
            LiveSegment b = seen.get(i);
            if (a.finished().isPresent() && b.finished().isPresent()
                    && b.finished().get().sequence() == a.finished().get().sequence() + 1) {
                return new LiveSegment[] {a, b};
            }
        }
        return null;
    }

    private LiveSegment awaitGrowing(long streamId, long startMs) {
        LiveSegment[] found = new LiveSegment[1];
        LiveFeed.await("the segment from " + startMs + " to be written", () -> {
            found[0] = f.engine.streams().liveSegment(streamId, RENDITION).filter(s -> s.startMs() == startMs)
                    .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The offsets of every 25 fps picture of a segment. */
    private static List<Long> everyPicture(Segment segment) {
        List<Long> offsets = new ArrayList<>();
        for (long us = 0; us < segment.durationUs(); us += FRAME_US) {
            offsets.add(us);
        }
        return offsets;
    }

    private static List<Integer> decodeFile(FrameDecoder decoder, Path file) {
        List<Integer> pictures = new ArrayList<>();
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(file, W, H)) {
            for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                pictures.add(Arrays.hashCode(argb));
            }
        }
        return pictures;
    }
}
