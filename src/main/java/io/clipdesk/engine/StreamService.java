package io.clipdesk.engine;

import java.util.List;

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

    void addListener(SegmentListener listener);

    void removeListener(SegmentListener listener);
}
