package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.Rendition;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.time.Clock;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * One source's run of {@link IngestSession}s: opens a session on the first packet, a fresh one when the source's
 * timeline breaks, and carries the ladder a remuxed session adopted on to the next, so a reconnect at the same size
 * keeps the stream's DVR. A session's media is stamped from the injected clock's arrival times (see
 * {@link WallClockMap#arrived}) unless the caller anchors it itself (HLS #EXT-X-PROGRAM-DATE-TIME, a looped file).
 */
public final class IngestChain implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IngestChain.class.getName());

    private final int segmentDurationMs;
    private final SegmentSink sink;
    private final Clock clock;
    private final long streamId;
    private final String filePrefix;
    private List<Rendition> ladder;
    private IngestSession session;
    private WallClockMap wallClock = new WallClockMap();

    public IngestChain(long streamId, List<Rendition> ladder, int segmentDurationMs, SegmentSink sink, Clock clock) {
        this.streamId = streamId;
        this.ladder = List.copyOf(ladder);
        this.segmentDurationMs = segmentDurationMs;
        this.sink = sink;
        this.clock = clock;
        this.filePrefix = filePrefix(streamId);
    }

    /** How this stream's temp files in the sink's incoming folder begin. */
    public static String filePrefix(long streamId) {
        return "s" + streamId + "-";
    }

    /** Media time of a packet read from {@code input}, in µs. */
    static long mediaUs(MediaInput input, AVPacket packet) {
        return av_rescale_q(packet.pts(), input.stream(packet.stream_index()).time_base(), SegmentCutter.MICROS);
    }

    /**
     * Feeds one packet read from {@code input} (not consumed).
     *
     * @param anchorWallMs the wall-clock time of this packet when the caller knows it, else negative
     */
    public void feed(MediaInput input, AVPacket packet, long anchorWallMs) {
        if (session != null && !session.continues(packet)) {
            LOG.log(System.Logger.Level.INFO, "stream {0}: the source''s clock jumped; starting a new session",
                    streamId);
            end();
        }
        if (session == null) {
            session = new IngestSession(input, ladder, segmentDurationMs, sink, wallClock, streamId, filePrefix);
        }
        long us = mediaUs(input, packet);
        if (anchorWallMs >= 0) {
            wallClock.anchor(us, anchorWallMs);
        } else {
            wallClock.arrived(us, clock.millis());
        }
        session.feed(packet);
    }

    /** The open session's stamps (for pacing); empty until the first packet. */
    public WallClockMap wallClock() {
        return wallClock;
    }

    public boolean inSession() {
        return session != null;
    }

    /** Ends the open session: its last partial segment is written; the next packet opens a new session. */
    public void end() {
        if (session == null) {
            return;
        }
        try {
            wallClock.settle(); // a session that ends inside the settle window still delivers its media
            session.finish();
        } catch (MediaException e) {
            LOG.log(System.Logger.Level.WARNING, "stream {0}: the last segment of a session was lost: {1}", streamId,
                    e.getMessage());
        } finally {
            if (session.ladder() != null) {
                ladder = session.ladder();
            }
            session.close();
            session = null;
            wallClock = new WallClockMap();
        }
    }

    @Override
    public void close() {
        end();
    }
}
