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

    /**
     * What a clip asked for over [{@code fromMs}, {@code toMs}) misses, wherever it lies: the holes between its
     * delivered segments, and the parts of the range before its first media and after its last (an outage at
     * either edge, or the DVR beginning after the range's whole-second start). An edge part shorter than
     * {@link #MIN_GAP_MS} is stamp jitter, as between segments. A clip whose range its segments match lasts
     * {@code toMs - fromMs} less this.
     *
     * @param delivered      the clip's segments as delivered, oldest first (not empty)
     * @param deliveredEndMs where the delivered media ends (an exact clip's end cut short: {@code toMs})
     */
    public static long clipMissingMs(List<Segment> delivered, long fromMs, long toMs, long deliveredEndMs) {
        return edgeMs(fromMs, toMs, delivered.get(0).startMs(), deliveredEndMs) + missingMs(delivered);
    }

    /**
     * The parts of [{@code fromMs}, {@code toMs}) outside the delivered media [{@code mediaStartMs},
     * {@code mediaEndMs}) that count as missing; what a clip's {@code gapMs} holds beside the holes inside its media.
     */
    public static long edgeMs(long fromMs, long toMs, long mediaStartMs, long mediaEndMs) {
        long leadMs = isGap(fromMs, mediaStartMs) ? mediaStartMs - fromMs : 0;
        long trailMs = isGap(mediaEndMs, toMs) ? toMs - mediaEndMs : 0;
        return leadMs + trailMs;
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
