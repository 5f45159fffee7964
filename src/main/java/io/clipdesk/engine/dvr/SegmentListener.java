package io.clipdesk.engine.dvr;

import io.clipdesk.engine.stream.SourceHealth;
/** Told about each segment the DVR has indexed and each change of ingest health. Called on the ingest thread: return quickly. */
public interface SegmentListener {

    void onSegment(Segment segment);

    default void onHealth(long streamId, SourceHealth health, String detail) {
    }

    default void onDvrChanged(long streamId) {
    }
}
