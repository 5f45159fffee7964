package io.clipdesk.media.testsignal;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records a stretch of the test signal, unpaced, as plain files: {@code {rendition}_{index}.ts} and
 * {@code thumb_{index}.jpg} (index from 00000). For tests, benchmarks and demo content.
 */
public final class TestSignalRecorder {

    /** The recorded segments in order; their files are the renamed ones in the recording folder. */
    public record Recording(List<SegmentDraft> segments) {

        public Recording {
            segments = List.copyOf(segments);
        }

        public List<Path> files(String rendition) {
            return segments.stream().map(s -> s.renditionFiles().get(rendition)).toList();
        }
    }

    private TestSignalRecorder() {
    }

    public static Recording record(LiveStream stream, int segmentDurationMs, int segmentCount, Clock clock, Path dir) {
        Sink sink = new Sink(dir, segmentCount);
        try (TestSignalSource source = new TestSignalSource(stream, segmentDurationMs, clock,
                TestSignalSource.Pacing.UNPACED)) {
            source.start(sink);
            // Unpaced is faster than real time even on a busy machine; twice real time is a generous bound.
            long timeoutMs = Math.max(60_000, 2L * segmentCount * segmentDurationMs);
            if (!sink.done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new MediaException("recording the test signal timed out after " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("recording the test signal was interrupted", e);
        }
        if (sink.failure != null) {
            throw new MediaException("recording the test signal failed: " + sink.failure);
        }
        try {
            Files.delete(sink.incomingDir());
        } catch (IOException e) {
            throw new MediaException("the test signal left files behind in " + sink.incomingDir(), e);
        }
        return new Recording(sink.segments);
    }

    private static final class Sink implements SegmentSink {
        private final Path dir;
        private final int wanted;
        private final List<SegmentDraft> segments = new ArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile String failure;

        Sink(Path dir, int wanted) {
            this.dir = dir;
            this.wanted = wanted;
        }

        @Override
        public Path incomingDir() {
            return dir.resolve(".incoming");
        }

        @Override
        public void accept(SegmentDraft draft) {
            try {
                if (segments.size() == wanted) {
                    for (Path f : draft.renditionFiles().values()) {
                        Files.delete(f);
                    }
                    Files.delete(draft.thumbnailFile());
                    return;
                }
                String index = String.format("%05d", segments.size());
                Map<String, Path> files = new HashMap<>();
                for (Map.Entry<String, Path> e : draft.renditionFiles().entrySet()) {
                    files.put(e.getKey(), Files.move(e.getValue(), dir.resolve(e.getKey() + "_" + index + ".ts")));
                }
                Path thumbnail = Files.move(draft.thumbnailFile(), dir.resolve("thumb_" + index + ".jpg"));
                segments.add(new SegmentDraft(draft.startMs(), draft.durationUs(), draft.discontinuity(), files,
                        thumbnail, draft.envelope()));
                if (segments.size() == wanted) {
                    done.countDown();
                }
            } catch (IOException e) {
                throw new MediaException("cannot keep a recorded segment: " + e.getMessage(), e);
            }
        }

        @Override
        public void health(SourceHealth health, String detail) {
            if (health == SourceHealth.DISCONNECTED) {
                failure = detail;
                done.countDown();
            }
        }
    }
}
