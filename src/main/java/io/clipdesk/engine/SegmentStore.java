package io.clipdesk.engine;

import java.util.List;
import java.util.Optional;

/**
 * The DVR index: one row per segment slot. Lookups by time must not scan the whole DVR (a 4 h DVR of
 * 2 s segments is 7,200 rows per stream); implemented in {@code store} with an index on (stream, start).
 */
public interface SegmentStore {

    void insert(Segment segment);

    /** Segments with {@code startMs < toMs && endMs > fromMs}, oldest first. */
    List<Segment> overlapping(long streamId, long fromMs, long toMs);

    /**
     * {@link #overlapping} and the DVR's window in one read, so no segment can be stored between the two: a clip
     * cut that finishes once the window passes its end then never misses the segment that took it there.
     */
    DvrSlice slice(long streamId, long fromMs, long toMs);

    /** The newest {@code count} segments, oldest first. */
    List<Segment> latest(long streamId, int count);

    Optional<Segment> oldest(long streamId);

    Optional<Segment> newest(long streamId);

    /** Segments that ended at or before {@code endMs}, oldest first. */
    List<Segment> endedBy(long streamId, long endMs);

    /** Deletes one segment's row. */
    void delete(long streamId, long sequence);

    /** Deletes every row of the stream. */
    void deleteAll(long streamId);

    int count(long streamId);
}
