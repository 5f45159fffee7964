package io.clipdesk.engine.dvr;

import io.clipdesk.engine.sound.AudioEnvelope;

import java.util.List;
import java.util.Optional;

/**
 * The DVR index: one row per segment slot. Lookups by time must not scan the whole DVR (a 4 h DVR of
 * 2 s segments is 7,200 rows per stream); implemented in {@code store} with an index on (stream, start).
 */
public interface SegmentStore {

    /** Indexes a segment with no audio envelope. */
    default void insert(Segment segment) {
        insert(segment, AudioEnvelope.EMPTY);
    }

    /**
     * Indexes a segment together with the envelope of its audio, atomically. The envelope belongs to the row:
     * whatever deletes the segment's row (retention, cleanup, a disk budget, the stream going) deletes it too.
     */
    void insert(Segment segment, AudioEnvelope envelope);

    /**
     * The envelopes of the segments overlapping [{@code fromMs}, {@code toMs}), oldest first (segments stored
     * without one have none). A segment's audio may reach a little past its video edges: widen the range to
     * catch the sound at its edges.
     */
    List<AudioEnvelope> envelopes(long streamId, long fromMs, long toMs);

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

    /** Deletes one segment's row and its envelope. */
    void delete(long streamId, long sequence);

    /** Deletes every row of the stream, envelopes included. */
    void deleteAll(long streamId);

    int count(long streamId);
}
