package io.clipdesk.engine.dvr;

import java.util.List;

/**
 * Media a source never delivered: a hole between one segment's end and the next one's program-date-time. The DVR
 * keeps wall-clock stamps across a lost source (the first segment after it is a discontinuity), so a hole is how a
 * clip, the API and the timeline all know how much is missing. Holes shorter than {@link #MIN_GAP_MS} are stamp
 * jitter (an origin's rounded program-date-time, millisecond flooring), not missing pictures.
 */
public final class DvrGaps {

    public static final long MIN_GAP_MS = 500;

    private DvrGaps() {
    }

    /** Whether the media between a segment ending at {@code endMs} and the next starting at {@code nextStartMs} is missing. */
    public static boolean isGap(long endMs, long nextStartMs) {
        return nextStartMs - endMs >= MIN_GAP_MS;
    }

    /** The wall-clock time missing between consecutive segments (oldest first); 0 for a seamless run. */
    public static long missingMs(List<Segment> oldestFirst) {
        long missing = 0;
        for (int i = 1; i < oldestFirst.size(); i++) {
            long endMs = oldestFirst.get(i - 1).endMs();
            long startMs = oldestFirst.get(i).startMs();
            if (isGap(endMs, startMs)) {
                missing += startMs - endMs;
            }
        }
        return missing;
    }
}
