package io.clipdesk.media.source;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.media.ingest.IngestChain;
import io.clipdesk.media.ingest.MediaInput;
import io.clipdesk.media.ingest.SegmentCutter;
import io.clipdesk.media.ingest.SourceThread;
import io.clipdesk.media.ingest.WallClockMap;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.time.Clock;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * A local media file played in a loop as if it were live: each packet is let through when the injected clock
 * reaches its wall-clock stamp (the first packet is stamped when play starts), and each pass continues the
 * previous one's timestamps, so the loop is one unbroken session. A clock that runs far ahead of the media (a
 * suspended machine) is not raced after: the stamps jump to now and the DVR shows the gap.
 */
public final class FileLoopSource extends SourceThread {

    /** Media is let through this far ahead of the clock, so a cut never waits on audio interleaved just after it. */
    private static final long LEAD_MS = 1_000;

    private final String path;
    private final int segmentDurationMs;

    public FileLoopSource(LiveStream stream, int segmentDurationMs, Clock clock) {
        super(stream, clock);
        this.path = stream.source().uri();
        this.segmentDurationMs = segmentDurationMs;
    }

    @Override
    protected void run(SegmentSink sink) {
        int failures = 0;
        try (IngestChain chain = new IngestChain(stream.id(), stream.renditions(), segmentDurationMs, sink, clock)) {
            while (running()) {
                try (MediaInput input = new MediaInput("file " + path, "file:" + path, null, Map.of(),
                        () -> !running())) {
                    failures = 0;
                    play(input, chain);
                } catch (MediaException e) {
                    chain.end();
                    if (running()) {
                        sink.health(SourceHealth.DISCONNECTED, e.getMessage());
                    }
                    if (!backOff(failures++)) {
                        return;
                    }
                }
            }
        }
    }

    private void play(MediaInput input, IngestChain chain) {
        AVPacket packet = av_packet_alloc();
        long offsetUs = 0;
        long firstUs = Long.MAX_VALUE;
        long endUs = Long.MIN_VALUE;
        long passUs = -1;
        try {
            while (running()) {
                if (!read(input, packet)) {
                    if (endUs <= firstUs) {
                        throw new MediaException("file " + path + " holds no media to play");
                    }
                    passUs = passUs < 0 ? endUs - firstUs : passUs;
                    offsetUs += passUs;
                    input.rewind();
                    continue;
                }
                AVRational tb = input.stream(packet.stream_index()).time_base();
                if (passUs < 0 && packet.stream_index() == MediaInput.VIDEO) {
                    // The picture sets the loop's length; audio that overruns it is dropped at the join.
                    firstUs = Math.min(firstUs, av_rescale_q(packet.pts(), tb, SegmentCutter.MICROS));
                    long durationUs = av_rescale_q(Math.max(0, packet.duration()), tb, SegmentCutter.MICROS);
                    endUs = Math.max(endUs, av_rescale_q(packet.pts(), tb, SegmentCutter.MICROS) + durationUs);
                }
                long shift = av_rescale_q(offsetUs, SegmentCutter.MICROS, tb);
                packet.pts(packet.pts() + shift).dts(packet.dts() + shift);
                if (!pace(chain, av_rescale_q(packet.dts(), tb, SegmentCutter.MICROS))) {
                    return;
                }
                // The first packet plays at the moment the source was started.
                chain.feed(input, packet, chain.inSession() ? -1 : startedAtMs());
                av_packet_unref(packet);
            }
        } finally {
            av_packet_free(packet);
        }
    }

    private boolean read(MediaInput input, AVPacket packet) {
        try {
            return input.read(packet);
        } catch (MediaException e) {
            throw new MediaException("cannot read file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the packet's turn; false when stopped meanwhile. */
    private boolean pace(IngestChain chain, long dtsUs) {
        WallClockMap wallClock = chain.wallClock();
        if (!chain.inSession() || !wallClock.anchored()) {
            return running();
        }
        long dueMs = wallClock.wallMs(dtsUs) - LEAD_MS;
        long behindMs = clock.millis() - dueMs;
        if (behindMs > 2L * segmentDurationMs + LEAD_MS) {
            wallClock.anchor(dtsUs, clock.millis());
            return running();
        }
        return awaitClock(dueMs);
    }
}
