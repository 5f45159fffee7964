package io.clipdesk.ui.player;

import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.testing.RecordedSignal;
import io.clipdesk.ui.dvr.SegmentIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The player at the live edge reading the segment being written: real test-signal segments (1 s) recorded once,
 * handed to the player as the engine would, the segment being written growing as the test appends its bytes.
 * A decoder that notes every picture it hands out tells which pictures the player went through, and from what.
 */
class DvrPlayerLiveTest {

    private static final int W = 160;
    private static final int H = 90;
    private static final int SEGMENT_MS = 1000;
    private static final Rendition RENDITION = RecordedSignal.RENDITION;

    @TempDir
    static Path dir;
    static List<SegmentDraft> recorded;

    private final AtomicReference<SegmentIndex> index = new AtomicReference<>(SegmentIndex.EMPTY);
    private final AtomicReference<Optional<LiveSegment>> growing = new AtomicReference<>(Optional.empty());
    /** Every picture decoded, as "name@offsetMs" of the media it came from. */
    private final List<String> decoded = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private DvrPlayer player;

    @BeforeAll
    static void record() {
        recorded = RecordedSignal.record(dir, SEGMENT_MS, 4);
    }

    @AfterEach
    void stop() {
        if (player != null) {
            player.close();
        }
    }

    @Test
    void live_readsTheSegmentBeingWritten_andHandsOverToTheNextWithoutLosingOrRepeatingAPicture()
            throws Exception {
        addToIndex(0);
        addToIndex(1);
        LiveSegment two = live(2);
        byte[] twoBytes = bytes(2);
        two.append(twoBytes, 0, twoBytes.length / 2);
        growing.set(Optional.of(two));
        long twoStartMs = recorded.get(2).startMs();
        // The wall clock stands where joining puts the player at the first picture of the segment being written.
        start(Clock.fixed(Instant.ofEpochMilli(twoStartMs + LiveEdge.BEHIND_MS), ZoneOffset.UTC));

        await("pictures of the segment being written", s -> s.live() && s.frameMs() >= twoStartMs + 80);
        assertFalse(two.ended(), "shown before the segment was finished");

        // The rest is written, the DVR indexes it, and the next segment starts being written.
        two.append(twoBytes, twoBytes.length / 2, twoBytes.length - twoBytes.length / 2);
        Segment twoDone = addToIndex(2);
        two.finish(twoDone);
        LiveSegment three = live(3);
        byte[] threeBytes = bytes(3);
        three.append(threeBytes, 0, threeBytes.length);
        growing.set(Optional.of(three));
        long threeStartMs = recorded.get(3).startMs();
        PlayerStatus s = await("the next segment being written", p -> p.frameMs() >= threeStartMs + 400);

        assertEquals(0, s.recoveries());
        assertEquals(0, s.liveJumps());
        assertEquals(List.of(two.toString(), three.toString()), opened,
                "the finished segment is not opened again: the live one became it");
        List<Long> times = new ArrayList<>();
        for (String d : decoded) {
            long base = d.startsWith(two.toString()) ? twoStartMs : threeStartMs;
            times.add(base + Long.parseLong(d.substring(d.indexOf('@') + 1)));
        }
        assertEquals(twoStartMs, times.get(0));
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) - times.get(i - 1) != 40) {
                fail("picture " + i + " is " + (times.get(i) - times.get(i - 1)) + " ms after the one before: " + times);
            }
        }
        assertTrue(times.contains(threeStartMs), "went on into the next segment: " + times);
    }

    @Test
    void aPictureWithoutSoundThatWaitedBehindLive_skipsAhead_toWhereItJoined() throws Exception {
        addToIndex(0);
        LiveSegment one = live(1);
        byte[] oneBytes = bytes(1);
        one.append(oneBytes, 0, oneBytes.length / 2);
        growing.set(Optional.of(one));
        long oneStartMs = recorded.get(1).startMs();
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(oneStartMs + LiveEdge.BEHIND_MS));
        start(clock);
        PlayerStatus joined = await("pictures of the segment being written", s -> s.live() && s.frameMs() >= oneStartMs);

        // The source stalls half way through the segment (the player can be no further than that) while the wall
        // clock goes on: 1.3 s after the segment's start, the rest comes.
        clock.set(Instant.ofEpochMilli(oneStartMs + 1300));
        one.append(oneBytes, oneBytes.length / 2, oneBytes.length - oneBytes.length / 2);
        PlayerStatus skipped = await("a skip towards live", s -> s.liveJumps() == joined.liveJumps() + 1);
        assertTrue(skipped.frameMs() >= oneStartMs + 1300 - LiveEdge.BEHIND_MS - 40,
                "on from " + LiveEdge.BEHIND_MS + " ms behind the wall clock: " + (skipped.frameMs() - oneStartMs));
        List<Long> times = decoded.stream().map(d -> Long.parseLong(d.substring(d.indexOf('@') + 1))).toList();
        long longestStep = 0;
        for (int i = 1; i < times.size(); i++) {
            longestStep = Math.max(longestStep, times.get(i) - times.get(i - 1));
        }
        assertTrue(longestStep >= 300, "the stretch in between skipped, not played: " + times);
    }

    private void start(Clock clock) {
        FrameDecoder real = new FfmpegFrameDecoder();
        FrameDecoder noting = new FrameDecoder() {
            @Override
            public Cursor open(SegmentMedia segment, int width, int height) {
                String name = segment.name();
                Cursor cursor = real.open(segment, width, height);
                opened.add(name);
                return new Cursor() {
                    @Override
                    public long next(int[] argb) {
                        return note(cursor.next(argb));
                    }

                    @Override
                    public long seek(long offsetUs, int[] argb) {
                        return note(cursor.seek(offsetUs, argb));
                    }

                    private long note(long offsetUs) {
                        if (offsetUs >= 0) {
                            decoded.add(name + "@" + offsetUs / 1000);
                        }
                        return offsetUs;
                    }

                    @Override
                    public long frameDurationUs() {
                        return cursor.frameDurationUs();
                    }

                    @Override
                    public void close() {
                        cursor.close();
                    }
                };
            }

            @Override
            public void warmUp() {
                real.warmUp();
            }
        };
        player = new DvrPlayer(1, noting, index::get, seq -> SegmentMedia.read(recorded.get((int) seq)
                .renditionFiles().get(RENDITION.name())), growing::get, W, H, SEGMENT_MS, clock, () -> { },
                PlayerSound.SILENT);
        player.start();
    }

    private Segment addToIndex(int i) {
        SegmentDraft d = recorded.get(i);
        Segment segment = new Segment(1, i, d.startMs(), d.durationUs(), false);
        index.set(index.get().append(segment));
        return segment;
    }

    private static LiveSegment live(int i) {
        return new LiveSegment(1, RENDITION.name(), recorded.get(i).startMs());
    }

    private static byte[] bytes(int i) throws Exception {
        return Files.readAllBytes(recorded.get(i).renditionFiles().get(RENDITION.name()));
    }

    private PlayerStatus await(String what, Predicate<PlayerStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            PlayerStatus s = player.status();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(10);
        }
        fail("player never got to: " + what + "; last " + player.status() + "; decoded " + decoded);
        return null;
    }
}
