package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.DvrSlice;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.sound.AudioEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.clipdesk.app.EngineFixture.SEGMENT_MS;
import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live clip's last segment lands in the DVR index while the clip cut reads it: exactly between its read of the
 * clip's segments and its look at how far the DVR reaches. The cut must not finish a segment short.
 */
class ClipAdvanceRaceTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void segmentLandingWhileTheCutReadsTheDvr_isStillInTheClip() {
        LandsDuringRead store = new LandsDuringRead();
        f = new EngineFixture(dir, SEGMENT_MS, real -> {
            store.real = real;
            return store;
        });
        f.produce(Duration.ofSeconds(3));
        long startS = f.clock.millis() / 1000 - 2;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 4));
        store.holdFirstEndingBy(clip.endS() * 1000, clip.fromMs(), clip.toMs());

        f.produce(Duration.ofSeconds(4));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        Segment last = store.landed.get();
        assertTrue(last != null, "the segment holding the clip's end landed during a read of the clip's range");
        assertEquals(last.endMs(), ready.cutEndMs(), "the clip ends with the segment that landed mid-read: " + ready);
        assertEquals(0, ready.gapMs());
    }

    /**
     * The real index, except that the segment holding the clip's end is stored only once a clip cut has read the
     * clip's range (after that read returns), as if ingest had committed it at that instant.
     */
    static final class LandsDuringRead implements SegmentStore {

        SegmentStore real;
        final AtomicReference<Segment> held = new AtomicReference<>();
        final AtomicReference<Segment> landed = new AtomicReference<>();
        private final AtomicLong holdEndingByMs = new AtomicLong(Long.MAX_VALUE);
        private volatile long rangeFromMs = Long.MIN_VALUE;
        private volatile long rangeToMs = Long.MIN_VALUE;
        private volatile AudioEnvelope heldEnvelope = AudioEnvelope.EMPTY;

        void holdFirstEndingBy(long endMs, long fromMs, long toMs) {
            rangeFromMs = fromMs;
            rangeToMs = toMs;
            holdEndingByMs.set(endMs);
        }

        @Override
        public void insert(Segment segment, AudioEnvelope envelope) {
            if (segment.endMs() >= holdEndingByMs.get() && landed.get() == null && held.compareAndSet(null, segment)) {
                heldEnvelope = envelope;
                return; // stored by the next read of the clip's range, right after it
            }
            real.insert(segment, envelope);
        }

        @Override
        public List<AudioEnvelope> envelopes(long streamId, long fromMs, long toMs) {
            return real.envelopes(streamId, fromMs, toMs);
        }

        @Override
        public List<Segment> overlapping(long streamId, long fromMs, long toMs) {
            List<Segment> read = real.overlapping(streamId, fromMs, toMs);
            landAfterReadOf(fromMs, toMs);
            return read;
        }

        @Override
        public DvrSlice slice(long streamId, long fromMs, long toMs) {
            DvrSlice read = real.slice(streamId, fromMs, toMs);
            landAfterReadOf(fromMs, toMs);
            return read;
        }

        private void landAfterReadOf(long fromMs, long toMs) {
            if (fromMs == rangeFromMs && toMs == rangeToMs) {
                Segment segment = held.getAndSet(null);
                if (segment != null) {
                    real.insert(segment, heldEnvelope);
                    landed.set(segment);
                }
            }
        }

        @Override
        public List<Segment> latest(long streamId, int count) {
            return real.latest(streamId, count);
        }

        @Override
        public Optional<Segment> oldest(long streamId) {
            return real.oldest(streamId);
        }

        @Override
        public Optional<Segment> newest(long streamId) {
            return real.newest(streamId);
        }

        @Override
        public List<Segment> endedBy(long streamId, long endMs) {
            return real.endedBy(streamId, endMs);
        }

        @Override
        public void delete(long streamId, long sequence) {
            real.delete(streamId, sequence);
        }

        @Override
        public void deleteAll(long streamId) {
            real.deleteAll(streamId);
        }

        @Override
        public int count(long streamId) {
            return real.count(streamId);
        }
    }
}
