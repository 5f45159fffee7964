package io.clipdesk.ui.player;

import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.ui.dvr.SegmentIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The player over real 1 s TS segments made by ffmpeg, one solid colour each, so a picture tells its segment. */
class DvrPlayerTest {

    private static final int W = 64;
    private static final int H = 36;
    private static final long T0 = 1_716_562_000_000L;
    private static final String[] COLOURS = {"red", "lime", "blue", "white", "yellow"};

    @TempDir
    static Path dir;

    private final AtomicReference<SegmentIndex> index = new AtomicReference<>(SegmentIndex.EMPTY);
    private DvrPlayer player;

    @BeforeAll
    static void makeSegments() throws Exception {
        for (int i = 0; i < COLOURS.length; i++) {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "color=c=" + COLOURS[i] + ":size=64x36:rate=25:duration=1", "-c:v", "libx264", "-g", "25",
                    "-pix_fmt", "yuv420p", "-f", "mpegts", dir.resolve(i + ".ts").toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
        }
    }

    @AfterEach
    void stop() {
        if (player != null) {
            player.close();
        }
    }

    private void start(int segments, long segmentDurationMs, FrameDecoder decoder) {
        addSegments(0, segments);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 10_000), ZoneOffset.UTC);
        player = new DvrPlayer(1, decoder, index::get, seq -> SegmentMedia.read(dir.resolve(seq + ".ts")), W, H, segmentDurationMs,
                clock, () -> {
                    if (player != null) {
                        seen.add(player.status());
                    }
                });
        player.start();
    }

    private void addSegments(int from, int count) {
        for (int i = from; i < from + count; i++) {
            index.set(index.get().append(new Segment(1, i, T0 + i * 1000L, 1_000_000, false)));
        }
    }

    /** Every status the player published, in order. */
    private final List<PlayerStatus> seen = new CopyOnWriteArrayList<>();

    private PlayerStatus await(String what, Predicate<PlayerStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            PlayerStatus s = player.status();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(10);
        }
        fail("player never got to: " + what + "; last " + player.status());
        return null;
    }

    private int shownRed() {
        FrameExchange exchange = player.exchange();
        exchange.take();
        return (exchange.shown()[H / 2 * W + W / 2] >> 16) & 0xFF;
    }

    @Test
    void start_playsTheNewestSegmentLive() throws Exception {
        start(4, 1000, new FfmpegFrameDecoder());
        PlayerStatus s = await("live in the newest segment", p -> p.live() && p.frameMs() >= T0 + 3000);
        assertTrue(s.playing());
        assertTrue(s.frameMs() < T0 + 4000);
    }

    @Test
    void seek_whilePaused_showsThePictureOnScreenAtThatTime() throws Exception {
        start(4, 1000, new FfmpegFrameDecoder());
        await("live", PlayerStatus::live);
        player.send(PlayerCommand.of(PlayerCommand.Kind.PAUSE));
        player.send(PlayerCommand.seek(T0 + 1_500));
        PlayerStatus s = await("the picture at +1.5 s", p -> !p.playing() && p.frameMs() == T0 + 1_480);
        assertEquals(T0 + 1_480, s.frameMs());
        assertTrue(shownRed() < 60, "segment 1 is green, not red");
    }

    @Test
    void shuttle_doublesUpTo16x_whichShowsAPicturePerStep_3200msApart_thenGoesOnLiveAt1x() throws Exception {
        start(5, 1000, new FfmpegFrameDecoder());
        await("live", PlayerStatus::live);
        player.send(PlayerCommand.of(PlayerCommand.Kind.PAUSE));
        player.send(PlayerCommand.seek(T0));
        PlayerStatus paused = await("paused at the start", p -> !p.playing() && p.frameMs() == T0);
        int from = seen.size();
        for (int i = 0; i < 6; i++) { // 1x, 2x, 4x, 8x, 16x, and once more: no faster
            player.send(PlayerCommand.shuttle(true));
        }
        // The first picture it shows after the start is 3.2 s on, decoded alone (a seek): not the 80 in between.
        // Read from every status it published: the next step already goes live, soon after on a busy machine.
        await("a picture 3.2 s on", p -> seen.stream().skip(from).anyMatch(q -> q.frameMs() > T0));
        PlayerStatus stepped = seen.stream().skip(from).filter(q -> q.frameMs() > T0).findFirst().orElseThrow();
        assertEquals(T0 + 3_200, stepped.frameMs());
        assertEquals(16, stepped.rate(), "16x, no faster");
        assertTrue(stepped.framesDecoded() - paused.framesDecoded() <= 2, "pictures decoded to get there: "
                + (stepped.framesDecoded() - paused.framesDecoded()));
        // The next step would pass the DVR's end: live at 1x.
        await("live at 1x", p -> p.live() && p.playing() && p.rate() == 1);
    }

    @Test
    void stepFrames_backAcrossASegmentStart_showsTheLastFrameOfTheSegmentBefore() throws Exception {
        start(4, 1000, new FfmpegFrameDecoder());
        await("live", PlayerStatus::live);
        player.send(PlayerCommand.of(PlayerCommand.Kind.PAUSE));
        player.send(PlayerCommand.seek(T0 + 2_000));
        await("start of segment 2", p -> p.frameMs() == T0 + 2_000);
        player.send(PlayerCommand.stepFrames(-1));
        await("last frame of segment 1", p -> p.frameMs() == T0 + 1_960);
        player.send(PlayerCommand.stepFrames(1));
        await("first frame of segment 2 again", p -> p.frameMs() == T0 + 2_000);
    }

    @Test
    void live_waitsAtTheEdge_andCarriesOnWithASegmentThatArrivesLater() throws Exception {
        start(3, 1000, new FfmpegFrameDecoder());
        await("holding at the end of segment 2", p -> p.frameMs() == T0 + 2_960);
        addSegments(3, 1);
        PlayerStatus s = await("playing segment 3", p -> p.frameMs() >= T0 + 3_200);
        assertTrue(s.live());
        assertEquals(0, s.recoveries());
    }

    @Test
    void watchdog_noPictureForTwoSegmentDurations_reopensAtTheLiveEdge() throws Exception {
        FrameDecoder real = new FfmpegFrameDecoder();
        FrameDecoder stallsOnSegmentTwo = new FrameDecoder() {
            @Override
            public Cursor open(SegmentMedia segment, int width, int height) {
                Cursor cursor = real.open(segment, width, height);
                if (!segment.name().equals("2.ts")) {
                    return cursor;
                }
                return new Cursor() {
                    @Override
                    public long next(int[] argb) {
                        sleep(700);
                        return cursor.next(argb);
                    }

                    @Override
                    public long seek(long offsetUs, int[] argb) {
                        return cursor.seek(offsetUs, argb);
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
        start(3, 200, stallsOnSegmentTwo);
        await("live on segment 2", p -> p.live() && p.frameMs() >= T0 + 2_000);
        addSegments(3, 2);
        PlayerStatus s = await("recovered onto the newest segment", p -> p.recoveries() >= 1 && p.frameMs() >= T0 + 4_000);
        assertTrue(s.live());
    }

    @Test
    void pictureBehindItsSound_skipsAheadToIt_insteadOfStayingBehind() throws Exception {
        // A sound heard 1.5 s ahead of where the picture was asked to play: a picture that only kept its own pace
        // (each late frame re-anchoring it) would stay 1.5 s behind for good.
        PlayerSound ahead = new PlayerSound() {
            private volatile long fromMs = PlayerCommand.NONE;
            private volatile long fromNanos;

            @Override
            public void play(long ms, double rate) {
                fromNanos = System.nanoTime();
                fromMs = ms + 1500;
            }

            @Override
            public void burst(long atMs) {
            }

            @Override
            public void stop() {
                fromMs = PlayerCommand.NONE;
            }

            @Override
            public long mediaMsAt(long nanos) {
                long from = fromMs;
                return from == PlayerCommand.NONE ? from : from + (nanos - fromNanos) / 1_000_000;
            }
        };
        addSegments(0, 5);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 10_000), ZoneOffset.UTC);
        player = new DvrPlayer(1, new FfmpegFrameDecoder(), index::get,
                seq -> SegmentMedia.read(dir.resolve(seq + ".ts")), java.util.Optional::empty, W, H, 1000, clock,
                () -> { }, ahead);
        player.start();
        // The screen's side: each picture taken when its sound is heard, as the FX pulse does.
        Thread screen = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                player.exchange().take(ahead.mediaMsAt(System.nanoTime()));
                sleep(16);
            }
        }, "screen");
        screen.start();
        try {
            player.send(PlayerCommand.seek(T0 + 200));
            await("paused or playing at the seek", p -> p.frameMs() >= T0 + 200 && p.frameMs() < T0 + 1000);
            player.send(PlayerCommand.of(PlayerCommand.Kind.PLAY));
            PlayerStatus s = await("the picture with its sound", p -> p.playing() && p.frameMs() >= T0 + 2000
                    && ahead.mediaMsAt(System.nanoTime()) - p.frameMs() < 300);
            assertTrue(s.frameMs() < T0 + 5000, "still in the DVR: " + s);
        } finally {
            screen.interrupt();
            screen.join();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
