package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
