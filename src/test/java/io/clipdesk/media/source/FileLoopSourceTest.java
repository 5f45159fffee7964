package io.clipdesk.media.source;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.RecordingSink;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local file played as live, paced by a hand-moved clock. */
class FileLoopSourceTest {

    private static final int SEGMENT_MS = 1000;

    @TempDir
    Path dir;

    private static LiveStream stream(Path file, List<Rendition> ladder) {
        return new LiveStream(4, "Loop", new SourceSpec(SourceKind.FILE_LOOP, file.toString()), true, 3600,
                "abcdefabcdef", 0, ladder);
    }

    private static void play(FileLoopSource source, RecordingSink sink, MutableClock clock, int segments) {
        source.start(sink);
        for (int i = 1; i <= segments; i++) {
            clock.advance(Duration.ofMillis(SEGMENT_MS));
            sink.awaitSegments(i);
        }
    }

    @Test
    void h264File_isRemuxedStampedFromTheClockAndLoopsWithoutABreak() {
        Path file = FfmpegCli.h264File(dir.resolve("two-seconds.mp4"), 2);
        MutableClock clock = MutableClock.atWholeSecond();
        long startMs = clock.millis();
        RecordingSink sink = new RecordingSink(dir);
        try (FileLoopSource source = new FileLoopSource(stream(file, Rendition.DEFAULT_LADDER), SEGMENT_MS, clock)) {
            play(source, sink, clock, 5);
        }
        List<SegmentDraft> segments = sink.segments.subList(0, 5);
        assertEquals(startMs, segments.get(0).startMs(), 100, "the first frame is stamped when play starts");
        for (int i = 1; i < segments.size(); i++) {
            SegmentDraft before = segments.get(i - 1);
            assertEquals(before.startMs() + before.durationUs() / 1000, segments.get(i).startMs(), 1,
                    "segment " + i + " follows on, across the loop point too");
            assertFalse(segments.get(i).discontinuity(), "a loop is one unbroken session");
            assertEquals(1_000_000, segments.get(i).durationUs(), 1_000);
        }
        assertEquals("media_1_180", sink.renditions.get(0).get(0).name(), "remuxed: one rendition at the file's size");
        Path afterLoop = segments.get(3).renditionFiles().get("media_1_180");
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(afterLoop));
        assertTrue(Ffprobe.firstVideoPacketFlags(afterLoop).startsWith("K"));
    }

    @Test
    void mpeg4Mp3File_isTranscodedIntoTheStreamsLadder() {
        Path file = FfmpegCli.mpeg4File(dir.resolve("old.mkv"), 3);
        List<Rendition> ladder = List.of(new Rendition("media_1_144", 256, 144, 300));
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = new RecordingSink(dir);
        try (FileLoopSource source = new FileLoopSource(stream(file, ladder), SEGMENT_MS, clock)) {
            play(source, sink, clock, 2);
        }
        assertEquals(List.of(), sink.renditions, "a transcoded source keeps the stream's ladder");
        SegmentDraft second = sink.segments.get(1);
        Path ts = second.renditionFiles().get("media_1_144");
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(ts));
        assertEquals(144, Ffprobe.describe(ts).path("streams").get(0).path("height").asInt());
        assertTrue(Ffprobe.firstVideoPacketFlags(ts).startsWith("K"));
        assertEquals(1_000_000, second.durationUs(), 1_000, "libx264 with the segment as its GOP");
        assertEquals("", Ffprobe.decodeErrors(ts.toString()));
    }

    @Test
    void fileThatIsNotMedia_showsDisconnectedWithTheReason() throws Exception {
        Path notMedia = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a video");
        RecordingSink sink = new RecordingSink(dir);
        try (FileLoopSource source = new FileLoopSource(stream(notMedia, Rendition.DEFAULT_LADDER), SEGMENT_MS,
                MutableClock.atWholeSecond())) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "cannot open file " + notMedia);
        }
        assertEquals(List.of(), sink.segments);
    }
}
