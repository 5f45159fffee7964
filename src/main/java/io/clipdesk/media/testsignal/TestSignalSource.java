package io.clipdesk.media.testsignal;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.media.ingest.SourceThread;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;

/**
 * The built-in test signal as a live source: frame n is stamped {@code t0 + n × 40 ms}, where t0 is the first
 * multiple of 40 ms at or after start, so whole seconds fall on frames and carry the flash and the beep. Paced,
 * t0 is the first whole second at or after start instead, so segments start and end on whole seconds as clips
 * do: a clip ending on a segment's end is ready as soon as that segment is stored, not up to a segment later.
 * a frame is made when the injected clock reaches its stamp (with the system clock: real time; with a test clock
 * moved by hand: as fast as the encoders go up to the clock, then wait); unpaced (benchmarks) as fast as the
 * encoders go, still stamped by media time.
 */
public final class TestSignalSource extends SourceThread {

    public enum Pacing { REAL_TIME, UNPACED }

    private static final System.Logger LOG = System.getLogger(TestSignalSource.class.getName());

    private final int gopFrames;
    private final Pacing pacing;

    /** @param segmentDurationMs a positive multiple of the 40 ms frame */
    public TestSignalSource(LiveStream stream, int segmentDurationMs, Clock clock, Pacing pacing) {
        super(stream, clock);
        if (segmentDurationMs <= 0 || segmentDurationMs % TestSignalEncoder.FRAME_MS != 0) {
            throw new IllegalArgumentException("segment duration must be a positive multiple of "
                    + TestSignalEncoder.FRAME_MS + " ms, got " + segmentDurationMs);
        }
        this.gopFrames = segmentDurationMs / TestSignalEncoder.FRAME_MS;
        this.pacing = pacing;
    }

    /** Runs until closed; a segment not yet cut when it stops is dropped, never written half. */
    @Override
    protected void run(SegmentSink sink) {
        try {
            Files.createDirectories(sink.incomingDir());
            long step = pacing == Pacing.REAL_TIME ? 1000 : TestSignalEncoder.FRAME_MS;
            long t0 = -Math.floorDiv(-startedAtMs(), step) * step;
            try (TestSignalEncoder chain = new TestSignalEncoder(stream.name(), stream.renditions(), gopFrames, t0,
                    sink.incomingDir(), "s" + stream.id() + "-")) {
                produce(sink, chain, t0);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "test signal of stream " + stream.id() + " failed", e);
            sink.health(SourceHealth.DISCONNECTED, "test signal failed: " + e.getMessage());
        }
    }

    private void produce(SegmentSink sink, TestSignalEncoder chain, long t0) {
        long frame = 0;
        boolean discontinuity = true; // a (re)started source restarts its timestamps
        boolean live = false;
        long offsetMs = offsetMs(t0);
        while (running()) {
            long segmentStart = frame;
            long segmentEnd = frame + gopFrames;
            // Stopped before its cut, the segment being written is abandoned as the chain closes.
            chain.beginSegment(sink, stream.id(), frameMs(t0, segmentStart));
            for (; frame < segmentEnd; frame++) {
                if (!awaitFrame(t0, frame)) {
                    return;
                }
                long frameMs = t0 + frame * TestSignalEncoder.FRAME_MS;
                chain.encodeFrame(frame, Math.floorMod(frameMs + offsetMs, 86_400_000L), frameMs % 1000 == 0,
                        frame == segmentStart);
            }
            if (!awaitFrame(t0, frame)) {
                return;
            }
            try {
                SegmentDraft draft = chain.cut(segmentStart, segmentEnd,
                        t0 + segmentStart * TestSignalEncoder.FRAME_MS, discontinuity);
                deliver(sink, draft);
                discontinuity = false;
                if (!live) {
                    sink.health(SourceHealth.LIVE, "test signal");
                    live = true;
                }
            } catch (MediaException e) {
                // The segment could not be written (a full disk): it is lost, the signal goes on, the next may fit.
                sink.lost(e);
            }
            offsetMs = offsetMs(t0 + frame * TestSignalEncoder.FRAME_MS);
            long behindMs = pacing == Pacing.REAL_TIME ? clock.millis() - frameMs(t0, frame) : 0;
            long behindFrames = behindMs / TestSignalEncoder.FRAME_MS;
            if (behindFrames > 2L * gopFrames) {
                // More than two segments behind the clock (machine suspended, overloaded): skip whole segments,
                // as a live encoder that lost its input would, rather than racing to catch up.
                frame += behindFrames / gopFrames * gopFrames;
                chain.skipTo(frame);
                discontinuity = true;
                LOG.log(System.Logger.Level.WARNING, "test signal of stream {0} fell {1} frames behind; skipped",
                        stream.id(), behindFrames);
            }
        }
    }

    private static void deliver(SegmentSink sink, SegmentDraft draft) {
        try {
            sink.accept(draft);
        } catch (RuntimeException e) {
            // The sink failed before taking the files: do not leave them in its incoming folder.
            draft.renditionFiles().values().forEach(f -> f.toFile().delete());
            draft.thumbnailFile().toFile().delete();
            throw e;
        }
    }

    /** Waits until the clock reaches frame {@code frame}'s stamp (paced only); false when stopped meanwhile. */
    private boolean awaitFrame(long t0, long frame) {
        return pacing == Pacing.REAL_TIME ? awaitClock(frameMs(t0, frame)) : running();
    }

    private static long frameMs(long t0, long frame) {
        return t0 + frame * TestSignalEncoder.FRAME_MS;
    }

    private long offsetMs(long epochMs) {
        return clock.getZone().getRules().getOffset(Instant.ofEpochMilli(epochMs)).getTotalSeconds() * 1000L;
    }
}
