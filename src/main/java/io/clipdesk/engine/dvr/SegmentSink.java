package io.clipdesk.engine.dvr;

import io.clipdesk.engine.stream.LiveSource;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;

import java.nio.file.Path;
import java.util.List;

/** Where a {@link LiveSource} delivers finished segments. Called from the source's ingest thread. */
public interface SegmentSink {

    /** A folder on the DVR's file system where the source writes temp files before handing them over. */
    Path incomingDir();

    /** Takes ownership of the draft's files. */
    void accept(SegmentDraft draft);

    /**
     * The segment the source starts writing now, one {@link LiveSegment} per rendition growing as it is muxed; the
     * draft of that segment comes to {@link #accept} with the same start. A sink without live readers ignores it.
     */
    default void growing(List<LiveSegment> segments) {
    }

    /**
     * The source's own ladder, told before the first segment that uses it: a remuxed source has one rendition at
     * the source's size. When it differs from the stream's, the stream takes it and its DVR starts afresh.
     */
    default void renditions(List<Rendition> renditions) {
    }

    /**
     * A finished segment could not be written (say, the disk is full) and was dropped; the source carries on and
     * the next one may succeed. {@code cause} is for the log only: it may name files.
     */
    default void lost(RuntimeException cause) {
    }

    /** The source's health changed (live, stalled, disconnected). */
    default void health(SourceHealth health, String detail) {
    }
}
