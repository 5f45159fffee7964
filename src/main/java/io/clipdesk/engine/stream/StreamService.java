package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.sound.WaveformRange;

import java.util.List;
import java.util.Optional;

/** Streams and their DVR. */
public interface StreamService {

    List<LiveStream> list();

    /** @throws NotFoundException for an unknown id */
    LiveStream get(long streamId);

    /** @throws InvalidRequestException when a field is out of range */
    LiveStream create(StreamDraft draft);

    LiveStream update(long streamId, StreamPatch patch);

    /** Stops ingest and deletes the DVR; clips and videos already made stay. */
    void delete(long streamId);

    /** Empties the DVR now; ingest goes on. */
    void cleanupDvr(long streamId);

    StreamState state(long streamId);

    /** DVR segments overlapping [fromMs, toMs), oldest first. */
    List<Segment> segments(long streamId, long fromMs, long toMs);

    /** The newest {@code count} segments, oldest first. */
    List<Segment> latestSegments(long streamId, int count);

    /**
     * The DVR's sound over [{@code fromMs}, {@code toMs}) on the grid of {@link WaveformRange#of}: at most
     * {@code maxBuckets} buckets, as fine as 20 ms. Measured at ingest from each segment's decoded audio.
     *
     * @throws NotFoundException for an unknown stream
     * @throws InvalidRequestException for an empty or too long range, or a bucket count out of bounds
     */
    AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets);

    /**
     * The segment {@code streamId}'s source is writing now, in {@code rendition}, readable as it grows (players at
     * the live edge); empty between segments, for a stream not ingesting, and for sources that write whole
     * segments at once.
     */
    Optional<LiveSegment> liveSegment(long streamId, String rendition);

    /**
     * A REST API server now serves on {@code port}: no push stream may be created on it. (One on it from before
     * is not started at the next start, see {@link io.clipdesk.engine.EngineConfig#apiPort()}: it shows
     * disconnected, saying so, and never keeps the API from starting.)
     */
    void reserveApiPort(int port);

    /** The API server on {@code port} stopped. */
    void releaseApiPort(int port);

    void addListener(SegmentListener listener);

    void removeListener(SegmentListener listener);
}
