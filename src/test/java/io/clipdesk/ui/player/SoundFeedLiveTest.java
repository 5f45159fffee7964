package io.clipdesk.ui.player;

import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.decode.FfmpegSoundDecoder;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.testing.RecordedSignal;
import io.clipdesk.ui.dvr.SegmentIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sound at the live edge going from one segment being written to the next: real test-signal segments, decoded
 * by the real decoder as the test writes them. Opening a segment being written waits for its first packets, so
 * the next one must be decoding before the sound of this one runs out: else the sound stops at every segment start
 * (the beep there came half a second after its flash).
 */
class SoundFeedLiveTest {

    private static final int SEGMENT_MS = 1000;
    private static final int CHUNK_FRAMES = SoundDecoder.SAMPLE_RATE / 100;
    private static final Rendition RENDITION = RecordedSignal.RENDITION;

    @TempDir
    static Path dir;
    static List<SegmentDraft> recorded;

    private final AtomicReference<SegmentIndex> index = new AtomicReference<>(SegmentIndex.EMPTY);
    private final AtomicReference<Optional<LiveSegment>> growing = new AtomicReference<>(Optional.empty());
    /** Blocks decoded so far, by the name of the media they came from. */
    private final Map<String, AtomicInteger> decodedBlocks = new ConcurrentHashMap<>();
    private SoundFeed feed;
    private MutableClock clock;

    @BeforeAll
    static void record() {
        recorded = RecordedSignal.record(dir, SEGMENT_MS, 3);
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.shutdown();
        }
    }

    @Test
    void theNextSegmentBeingWritten_isDecodingBeforeTheSoundReachesIt_soItsStartIsHeardWithoutAGap()
            throws Exception {
        LiveSegment one = live(1);
        byte[] oneBytes = bytes(1);
        one.append(oneBytes, 0, oneBytes.length);
        growing.set(Optional.of(one));
        long oneStartUs = recorded.get(1).startMs() * 1000;
        long twoStartUs = recorded.get(2).startMs() * 1000;
        startFeed();
        assertTrue(feed.start(recorded.get(1).startMs(), 1), "joins the segment being written");
        long heardUs = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (heardUs < oneStartUs + 200_000) {
            SoundFeed.Chunk c = feed.next(CHUNK_FRAMES);
            heardUs = c == null ? heardUs : c.mediaUs();
            if (System.nanoTime() > deadline) {
                fail("no sound of the segment being written after 20 s");
            }
            Thread.onSpinWait();
        }

        // The engine finishes segment 1 and begins segment 2, while most of 1 is still to be heard.
        Segment oneDone = new Segment(1, 1, recorded.get(1).startMs(), recorded.get(1).durationUs(), false);
        index.set(SegmentIndex.of(List.of(oneDone)));
        one.finish(oneDone);
        LiveSegment two = live(2);
        byte[] twoBytes = bytes(2);
        two.append(twoBytes, 0, twoBytes.length);
        growing.set(Optional.of(two));
        assertNotNull(feed.next(CHUNK_FRAMES));
        await("segment 2 decoding while segment 1 still plays",
                () -> decodedBlocks.getOrDefault(two.toString(), new AtomicInteger()).get() > 0);
        assertTrue(heardUs < twoStartUs - 500_000, "segment 1 was not half heard yet: " + heardUs);
        // Both decoded whole (as a second of real time would let them be), so a gap can only be the opening.
        int oneBlocks = blocksOf(oneBytes);
        int twoBlocks = blocksOf(twoBytes);
        await("segment 1 decoded", () -> decodedBlocks.get(one.toString()).get() == oneBlocks);
        await("segment 2 decoded", () -> decodedBlocks.get(two.toString()).get() == twoBlocks);

        long endUs = heardUs;
        while (endUs < twoStartUs + 200_000) {
            SoundFeed.Chunk c = feed.next(CHUNK_FRAMES);
            if (c == null) {
                fail("the sound stopped at " + endUs + " us, " + (twoStartUs - endUs) / 1000
                        + " ms before the next segment's start, waiting for it to open");
            }
            endUs = c.mediaUs() + c.frames() * 1_000_000L / SoundDecoder.SAMPLE_RATE;
        }
    }

    @Test
    void soundThatWaitsLeftBehindLive_skipsAheadWithinWhatIsDecoded_notAgainAtOnce() throws Exception {
        LiveSegment one = live(1);
        byte[] oneBytes = bytes(1);
        one.append(oneBytes, 0, oneBytes.length);
        growing.set(Optional.of(one));
        long oneStartMs = recorded.get(1).startMs();
        startFeed();
        assertTrue(feed.start(oneStartMs, 1));
        SoundFeed.Chunk c = heardFrom(oneStartMs * 1000);
        int oneBlocks = blocksOf(oneBytes);
        await("segment 1 decoded", () -> decodedBlocks.get(one.toString()).get() == oneBlocks);

        // The sound stood still (a stall of the source) while the wall clock went on: 1.1 s behind now.
        long atMs = c.mediaUs() / 1000;
        clock.set(Instant.ofEpochMilli(atMs + 1100));
        SoundFeed.Chunk after = feed.next(CHUNK_FRAMES);
        long toMs = atMs + 1100 - LiveEdge.BEHIND_MS;
        assertTrue(Math.abs(after.mediaUs() / 1000 - toMs) <= LiveDrift.KEEP_MS,
                "on from " + LiveEdge.BEHIND_MS + " ms behind the wall clock (within what is decoded): "
                        + (after.mediaUs() / 1000 - atMs) + " ms skipped");

        // Behind again at once: no second skip within the interval, the sound plays on.
        long nextUs = after.mediaUs() + after.frames() * 1_000_000L / SoundDecoder.SAMPLE_RATE;
        clock.advance(Duration.ofMillis(1500));
        long playedOnUs = feed.next(CHUNK_FRAMES).mediaUs();
        assertTrue(Math.abs(playedOnUs - nextUs) <= 1000, "played on, not skipped again: "
                + (playedOnUs - nextUs) + " us"); // blocks' starts are whole µs: a join may round by one
    }

    @Test
    void aStreamWithoutSoundLeftBehindLive_skipsAheadToo() throws Exception {
        Path file = dir.resolve("no-sound.ts");
        FfmpegCli.run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-t", "2", "-f", "mpegts", file.toString());
        long startMs = recorded.get(1).startMs();
        LiveSegment silent = new LiveSegment(1, RENDITION.name(), startMs);
        byte[] bytes = Files.readAllBytes(file);
        silent.append(bytes, 0, bytes.length);
        growing.set(Optional.of(silent));
        clock = new MutableClock(Instant.ofEpochMilli(startMs + LiveEdge.BEHIND_MS));
        feed = new SoundFeed("test-sound-open-1", new FfmpegSoundDecoder(), index::get,
                seq -> SegmentMedia.read(recorded.get((int) seq).renditionFiles().get(RENDITION.name())),
                growing::get, 5000, clock);
        assertTrue(feed.start(startMs, 1));
        await("known to carry no sound", () -> {
            feed.next(CHUNK_FRAMES); // silence meanwhile, keeping time
            return feed.silentLiveSegment();
        });

        // Its silence is the clock the picture follows: it stood still while the wall clock went on, 1.1 s behind.
        long atMs = feed.next(CHUNK_FRAMES).mediaUs() / 1000;
        clock.set(Instant.ofEpochMilli(atMs + 1100));
        long toMs = feed.next(CHUNK_FRAMES).mediaUs() / 1000;
        assertTrue(Math.abs(toMs - (atMs + 1100 - LiveEdge.BEHIND_MS)) <= 20,
                "on from " + LiveEdge.BEHIND_MS + " ms behind the wall clock: " + (toMs - atMs) + " ms skipped");
    }

    /** Takes the sound until a chunk at or after {@code fromUs} has been heard; that chunk. */
    private SoundFeed.Chunk heardFrom(long fromUs) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            SoundFeed.Chunk c = feed.next(CHUNK_FRAMES);
            if (c != null && c.mediaUs() >= fromUs + 100_000) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                fail("no sound of the segment being written after 20 s");
            }
            Thread.onSpinWait();
        }
    }

    /** The feed, on a wall clock that stands where joining segment 1 puts the sound. */
    private void startFeed() {
        clock = new MutableClock(Instant.ofEpochMilli(recorded.get(1).startMs() + LiveEdge.BEHIND_MS));
        feed = new SoundFeed("test-sound-open-1", counting(new FfmpegSoundDecoder()), index::get,
                seq -> SegmentMedia.read(recorded.get((int) seq).renditionFiles().get(RENDITION.name())),
                growing::get, 5000, clock);
    }

    private static int blocksOf(byte[] segment) {
        int n = 0;
        try (SoundDecoder.Cursor c = new FfmpegSoundDecoder().open(SegmentMedia.of("count", segment), 1).orElseThrow()) {
            while (c.next() != null) {
                n++;
            }
        }
        return n;
    }

    private SoundDecoder counting(SoundDecoder real) {
        return new SoundDecoder() {
            @Override
            public Optional<Cursor> open(SegmentMedia segment, double tempo) {
                AtomicInteger count = decodedBlocks.computeIfAbsent(segment.name(), n -> new AtomicInteger());
                return real.open(segment, tempo).map(c -> new Cursor() {
                    @Override
                    public Block next() {
                        Block b = c.next();
                        if (b != null) {
                            count.incrementAndGet();
                        }
                        return b;
                    }

                    @Override
                    public void close() {
                        c.close();
                    }
                });
            }

            @Override
            public boolean keepsPitchAt(double tempo) {
                return false;
            }
        };
    }

    private static LiveSegment live(int i) {
        return new LiveSegment(1, RENDITION.name(), recorded.get(i).startMs());
    }

    private static byte[] bytes(int i) throws Exception {
        return Files.readAllBytes(recorded.get(i).renditionFiles().get(RENDITION.name()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 20 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
