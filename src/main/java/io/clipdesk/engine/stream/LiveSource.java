package io.clipdesk.engine.stream;

import io.clipdesk.engine.dvr.SegmentSink;
/**
 * A running ingest: encodes or remuxes one source into keyframe-aligned segments of every rendition.
 * Owns its thread ({@code ingest-{streamId}}); {@link #close()} stops it and waits for it.
 */
public interface LiveSource extends AutoCloseable {

    void start(SegmentSink sink);

    @Override
    void close();
}
