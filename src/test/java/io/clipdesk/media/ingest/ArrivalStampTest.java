package io.clipdesk.media.ingest;

import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.MutableClock;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source without a clock of its own is stamped by when its media arrives, never later: real packets of an
 * FLV file (as RTMP delivers them) fed to an {@link IngestChain} while the test moves the injected clock to each
 * packet's arrival. The late encoder is what ffmpeg with {@code -use_wallclock_as_timestamps 1} does on a slow
 * RTMP connect: its first frame is read, the connection takes seconds, and the frames after it carry timestamps
 * those seconds later but arrive right behind it.
 */
class ArrivalStampTest {

    private static final int SEGMENT_MS = 1000;
    private static final long CONNECT_US = 5_000_000;
    /** A cut waits for the audio interleaved just after its keyframe. */
    private static final long CUT_WAIT_MS = 100;

    @TempDir
    Path dir;

    private record Handed(long startMs, long endMs, long atMs, boolean draft) {
    }

    /** Records every segment handed on, growing or finished, with the injected clock's time then. */
    private final class StampSink implements SegmentSink {
        final List<Handed> handed = new CopyOnWriteArrayList<>();
        final List<SegmentDraft> drafts = new CopyOnWriteArrayList<>();
        final MutableClock clock;

        StampSink(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public Path incomingDir() {
            return dir;
        }

        @Override
        public void accept(SegmentDraft draft) {
            drafts.add(draft);
            handed.add(new Handed(draft.startMs(), draft.startMs() + draft.durationUs() / 1000, clock.millis(), true));
        }

        @Override
        public void growing(List<LiveSegment> segments) {
            segments.forEach(s -> handed.add(new Handed(s.startMs(), s.startMs(), clock.millis(), false)));
        }
    }

    @Test
    void encoderWhoseFirstPacketCameSecondsLate_noSegmentIsStampedLaterThanItsMediaArrived() {
        Path file = FfmpegCli.h264File(dir.resolve("camera.flv"), 6);
        MutableClock clock = MutableClock.atWholeSecond();
        StampSink sink = new StampSink(clock);
        feed(file, clock, sink, CONNECT_US, 0, Long.MAX_VALUE);
        assertStampedByArrival(sink, CONNECT_US);
    }

    @Test
    void encoderThatSentABacklogInABurst_noSegmentIsStampedLaterThanItsMediaArrived() {
        Path file = FfmpegCli.h264File(dir.resolve("backlog.flv"), 6);
        MutableClock clock = MutableClock.atWholeSecond();
        StampSink sink = new StampSink(clock);
        feed(file, clock, sink, 0, 1_500_000, Long.MAX_VALUE);
        assertStampedByArrival(sink, 1_500_000);
    }

    /**
     * Nothing was handed on with a time still to come (a finished segment's end, a growing one's start), nothing
     * cut after the settling is stamped earlier than it came, and the segments follow each other.
     */
    private static void assertStampedByArrival(StampSink sink, long aheadUs) {
        List<SegmentDraft> drafts = sink.drafts;
        assertTrue(drafts.size() >= 4, "the file's seconds became segments: " + drafts.size());
        for (Handed h : sink.handed) {
            assertTrue(h.endMs() <= h.atMs(), (h.draft() ? "a segment ends " : "a growing segment starts ")
                    + (h.endMs() - h.atMs()) + " ms after the moment it was handed on: " + sink.handed);
        }
        // Not pushed into the past either: a segment cut after the settling ends when its cut arrived.
        for (Handed h : sink.handed.subList(0, sink.handed.size() - 1)) {
            if (h.draft() && h.atMs() - drafts.get(0).startMs() > aheadUs / 1000 + WallClockMap.SETTLE_MS) {
                assertTrue(h.atMs() - h.endMs() <= CUT_WAIT_MS,
                        "ends when its closing keyframe (and the audio after it) arrived: " + sink.handed);
            }
        }
        for (int i = 1; i < drafts.size(); i++) {
            SegmentDraft before = drafts.get(i - 1);
            assertEquals(before.startMs() + before.durationUs() / 1000, drafts.get(i).startMs(), 1,
                    "segments follow each other without overlap");
        }
    }

    @Test
    void punctualSourceEndingInsideTheSettleWindow_deliversItsMediaStampedAtItsArrival() {
        Path file = FfmpegCli.h264File(dir.resolve("short.flv"), 2);
        MutableClock clock = MutableClock.atWholeSecond();
        StampSink sink = new StampSink(clock);
        long firstPictureMs = feed(file, clock, sink, 0, 0, 600_000);

        assertEquals(1, sink.drafts.size(), "the held media became the session's one segment");
        SegmentDraft only = sink.drafts.get(0);
        assertEquals(firstPictureMs, only.startMs(), "stamped when its first picture arrived");
        assertTrue(only.durationUs() >= 500_000, "all that arrived is in it: " + only.durationUs() + " µs");
        assertFalse(sink.handed.stream().anyMatch(h -> h.endMs() > h.atMs()), "nothing in the future");
    }

    /**
     * Feeds the file's packets up to {@code untilUs} of its media into a chain, the first arriving at the clock's
     * time, the others of its first {@code burstUs} with it and the rest in real time after them; those after the
     * first carry media times {@code lateUs} later (the encoder's first packet waited that long for its
     * connection). The session ends a second after the last packet.
     *
     * @return when the first picture arrived
     */
    private static long feed(Path file, MutableClock clock, SegmentSink sink, long lateUs, long burstUs,
                             long untilUs) {
        long startMs = clock.millis();
        AVPacket packet = av_packet_alloc();
        try (IngestChain chain = new IngestChain(1, Rendition.DEFAULT_LADDER, SEGMENT_MS, sink, clock);
             MediaInput input = new MediaInput("file " + file, "file:" + file, null, Map.of(), () -> false)) {
            long firstUs = Long.MIN_VALUE;
            long firstPictureMs = -1;
            while (input.read(packet)) {
                AVRational tb = input.stream(packet.stream_index()).time_base();
                long us = av_rescale_q(packet.dts(), tb, SegmentCutter.MICROS);
                if (firstUs == Long.MIN_VALUE) {
                    firstUs = us;
                } else {
                    long shift = av_rescale_q(lateUs, SegmentCutter.MICROS, tb);
                    packet.pts(packet.pts() + shift).dts(packet.dts() + shift);
                }
                if (us - firstUs > untilUs) {
                    av_packet_unref(packet);
                    break;
                }
                clock.set(Instant.ofEpochMilli(Math.max(clock.millis(), startMs + Math.max(0, us - firstUs - burstUs) / 1000)));
                if (firstPictureMs < 0 && packet.stream_index() == MediaInput.VIDEO) {
                    firstPictureMs = clock.millis();
                }
                chain.feed(input, packet, -1);
                av_packet_unref(packet);
            }
            clock.set(Instant.ofEpochMilli(clock.millis() + 1000));
            chain.end();
            return firstPictureMs;
        } finally {
            av_packet_free(packet);
        }
    }
}
