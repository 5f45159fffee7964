package io.clipdesk.engine.dvr;

/**
 * One keyframe-aligned slice of the DVR, the same time slot in every rendition.
 * {@code startMs} is the wall-clock time of its first frame (stamped at ingest, written as
 * #EXT-X-PROGRAM-DATE-TIME); {@code discontinuity} marks the first segment after a source gap.
 */
public record Segment(long streamId, long sequence, long startMs, long durationUs, boolean discontinuity) {

    public Segment {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        if (durationUs <= 0) {
            throw new IllegalArgumentException("segment duration must be positive");
        }
    }

    public long endMs() {
        return startMs + durationUs / 1000;
    }

    public boolean overlaps(long fromMs, long toMs) {
        return startMs < toMs && endMs() > fromMs;
    }
}
