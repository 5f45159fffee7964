package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote desk's live edge: the segment a real headless server (port 0, test signal, 1 s segments, a hand-moved
 * clock) is writing, streamed to the desk as it grows and finished there as the segment the desk is then told of.
 */
class RemoteLiveEdgeTest {

    private static final String RENDITION = "media_1_360";

    @TempDir
    Path dir;

    @Test
    void liveSegment_growsBeforeTheSegmentIsFinished_thenBecomesTheSegmentTheDeskIsToldOf() throws Exception {
        MutableClock clock = MutableClock.atWholeSecond();
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of(), dir);
        try (HeadlessServer server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(new ByteArrayOutputStream()))) {
            String key = Files.readString(dir.resolve("server").resolve("api-key")).strip();
            LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(3));
            try (RemoteDesk desk = RemoteDesk.connect(server.baseUrl(), key, "Ana", clock, dir.resolve("desk"))) {
                List<Segment> told = new CopyOnWriteArrayList<>();
                AtomicReference<LiveSegment> followed = new AtomicReference<>();
                List<Boolean> handedOverWhenTold = new CopyOnWriteArrayList<>();
                desk.addListener(new SegmentListener() {
                    @Override
                    public void onSegment(Segment segment) {
                        told.add(segment);
                        LiveSegment live = followed.get();
                        if (live != null && live.startMs() == segment.startMs()) {
                            handedOverWhenTold.add(live.ended());
                        }
                    }
                });
                desk.segments(1, 0, Long.MAX_VALUE); // the desk follows the stream, as a player's index does
                long dvrEndMs = server.engine().streams().state(1).window().endMs();
                LiveSegment[] found = new LiveSegment[1];
                LiveFeed.await("the segment being written, on the desk", () -> {
                    Optional<LiveSegment> live = desk.liveSegment(1, RENDITION);
                    found[0] = live.filter(s -> s.startMs() == dvrEndMs).orElse(null);
                    return found[0] != null;
                });
                LiveSegment live = found[0];
                followed.set(live);

                clock.advance(Duration.ofMillis(500));
                LiveFeed.await("half the segment's bytes on the desk", () -> live.sizeBytes() > 16_000);
                assertFalse(live.ended(), "the segment was finished before its bytes came");
                assertEquals(dvrEndMs, server.engine().streams().state(1).window().endMs());

                clock.advance(Duration.ofMillis(500));
                LiveFeed.await("the segment to be finished on the desk", () -> {
                    desk.liveSegment(1, RENDITION); // a player at the live edge keeps asking
                    return live.ended();
                });
                Segment finished = live.finished().orElseThrow();
                assertEquals(dvrEndMs, finished.startMs());
                assertTrue(told.contains(finished), "the desk was told of the segment it handed over to: " + told);
                // As on the engine: its listeners (the desk's DVR index) hear of a segment before a live reader hands
                // over to it, so a player never goes on into a segment its index does not hold yet.
                assertEquals(List.of(false), handedOverWhenTold, "told of the segment while it was still live");
                byte[] onDisk = Files.readAllBytes(server.engine().layout().dvrSegment(1, RENDITION,
                        finished.sequence()));
                assertArrayEquals(onDisk, live.copyBytes(), "what the desk read live is the server's segment");
            }
        }
    }

    @Test
    void aPushThatStopped_isAskedForAgainASegmentLater_andFollowedWhenItsEncoderIsBack() throws Exception {
        MutableClock deskClock = MutableClock.atWholeSecond();
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of(), dir);
        Process encoder = null;
        try (HeadlessServer server = HeadlessServer.start(options, Engines::open, Clock.systemUTC(), 1000,
                new PrintStream(new ByteArrayOutputStream()))) {
            String key = Files.readString(dir.resolve("server").resolve("api-key")).strip();
            LiveStream camera = server.engine().streams().create(new StreamDraft("Camera",
                    PushAddress.rtmp(FfmpegCli.freeTcpPort()).spec(), true, 600));
            String url = PushAddress.of(camera.source()).orElseThrow().pushUrl("127.0.0.1", camera.mediaKey());
            String rendition = "media_1_180"; // the pushed picture's own size, adopted
            encoder = FfmpegCli.push(url, "flv", 30);
            LiveFeed.await("segments of the push in the DVR",
                    () -> server.engine().streams().state(camera.id()).window().lengthMs() >= 2000);
            encoder.destroyForcibly();
            encoder.waitFor();
            LiveFeed.await("the push over", () -> server.engine().streams().liveSegment(camera.id(), rendition)
                    .isEmpty());
            try (RemoteDesk desk = RemoteDesk.connect(server.baseUrl(), key, "Ana", deskClock, dir.resolve("desk"))) {
                desk.segments(camera.id(), 0, Long.MAX_VALUE);
                assertTrue(desk.liveSegment(camera.id(), rendition).isEmpty(), "nothing being written");
                String asking = "remote-live-" + camera.id() + "-" + rendition;
                LiveFeed.await("the desk's ask answered: nothing being written", () -> !threadAlive(asking));

                encoder = FfmpegCli.push(url, "flv", 30); // the encoder reconnects
                LiveFeed.await("the server writing a segment of the push again",
                        () -> server.engine().streams().liveSegment(camera.id(), rendition).isPresent());
                deskClock.advance(Duration.ofSeconds(2));
                LiveFeed.await("the desk following the segment being written",
                        () -> desk.liveSegment(camera.id(), rendition).isPresent());
            }
        } finally {
            if (encoder != null) {
                encoder.destroyForcibly();
            }
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
