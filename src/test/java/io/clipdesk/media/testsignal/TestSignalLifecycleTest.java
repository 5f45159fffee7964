package io.clipdesk.media.testsignal;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class TestSignalLifecycleTest {

    private static final LiveStream STREAM = new LiveStream(77, "Lifecycle", SourceSpec.TEST_SIGNAL, true, 3600,
            "abcdefabcdef", 0, List.of(Rendition.DEFAULT_LADDER.get(0)));

    @TempDir
    Path dir;

    @Test
    void close_beforeTheFirstSegmentIsDue_writesNothingAndStopsItsThread() throws Exception {
        RecordingSink sink = new RecordingSink(dir.resolve("incoming"), false);
        // A clock that stands still: the first segment is never due, however long this machine takes to get to the
        // close (on the real clock it was due 2 s after the start).
        TestSignalSource source = new TestSignalSource(STREAM, 2000, MutableClock.atWholeSecond(),
                TestSignalSource.Pacing.REAL_TIME);
        source.start(sink);
        assertTrue(sink.started.await(30, TimeUnit.SECONDS));
        source.close();

        assertTrue(sink.accepted.isEmpty(), "a segment was delivered: " + sink.accepted);
        assertEquals(List.of(), list(sink.incomingDir()));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("ingest-77") && t.isAlive()), "ingest-77 still running");
    }

    @Test
    void sinkFailure_reportsDisconnected_andLeavesNoFiles() throws Exception {
        RecordingSink sink = new RecordingSink(dir.resolve("incoming"), true);
        try (TestSignalSource source = new TestSignalSource(STREAM, 1000, Clock.systemUTC(),
                TestSignalSource.Pacing.UNPACED)) {
            source.start(sink);
            assertTrue(sink.disconnected.await(30, TimeUnit.SECONDS), "no DISCONNECTED report");
        }
        assertTrue(sink.detail.contains("DVR disk full"), sink.detail);
        assertEquals(List.of(), list(sink.incomingDir()));
    }

    @Test
    void slowSink_fallingBehindTheClock_skipsWholeSegmentsAndMarksADiscontinuity() throws Exception {
        int segmentMs = 200;
        BlockingOnceSink sink = new BlockingOnceSink(dir.resolve("incoming"), 3 * segmentMs);
        try (TestSignalSource source = new TestSignalSource(STREAM, segmentMs, Clock.systemUTC(),
                TestSignalSource.Pacing.REAL_TIME)) {
            source.start(sink);
            assertTrue(sink.twoSegments.await(30, TimeUnit.SECONDS));
        }
        SegmentDraft first = sink.accepted.get(0);
        SegmentDraft next = sink.accepted.get(1);
        long stepMs = next.startMs() - first.startMs();
        assertTrue(stepMs > segmentMs && stepMs % segmentMs == 0, "second segment starts " + stepMs + " ms later");
        assertTrue(next.discontinuity(), "a skip must be marked as a discontinuity");
        assertEquals(SourceHealth.LIVE, sink.health);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** Keeps the ingest thread busy in its first accept for longer than a segment lasts. */
    private static final class BlockingOnceSink implements SegmentSink {
        final Path incoming;
        final long blockMs;
        final List<SegmentDraft> accepted = new CopyOnWriteArrayList<>();
        final CountDownLatch twoSegments = new CountDownLatch(2);
        volatile SourceHealth health;

        BlockingOnceSink(Path incoming, long blockMs) {
            this.incoming = incoming;
            this.blockMs = blockMs;
        }

        @Override
        public Path incomingDir() {
            return incoming;
        }

        @Override
        public void accept(SegmentDraft draft) {
            accepted.add(draft);
            twoSegments.countDown();
            if (accepted.size() == 1) {
                try {
                    Thread.sleep(blockMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void health(SourceHealth h, String detail) {
            health = h;
        }
    }

    private static final class RecordingSink implements SegmentSink {
        final Path incoming;
        final boolean failing;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch disconnected = new CountDownLatch(1);
        final List<SegmentDraft> accepted = new CopyOnWriteArrayList<>();
        volatile String detail = "";

        RecordingSink(Path incoming, boolean failing) {
            this.incoming = incoming;
            this.failing = failing;
        }

        @Override
        public Path incomingDir() {
            started.countDown();
            return incoming;
        }

        @Override
        public void accept(SegmentDraft draft) {
            if (failing) {
                throw new IllegalStateException("DVR disk full");
            }
            accepted.add(draft);
        }

        @Override
        public void health(SourceHealth health, String text) {
            if (health == SourceHealth.DISCONNECTED) {
                detail = text;
                disconnected.countDown();
            }
        }
    }
}
