package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;
/**
 * The media an editor marked to the frame, in wall-clock ms, for a {@link ClipAccuracy#FRAME} clip. It lies inside
 * the clip's whole-second range, which stays what the API reports and what expiry and readiness count from
 * ({@link ClipPolicy} checks that, once).
 */
public record ExactRange(long fromMs, long toMs) {

    public ExactRange {
        if (fromMs < 0 || toMs <= fromMs) {
            throw new InvalidRequestException("an exact cut needs 0 <= cut_from_ms < cut_to_ms, got " + fromMs + "–"
                    + toMs + " ms");
        }
    }

    /**
     * Whether it lies inside [{@code startS}, {@code startS + durationS}) seconds. Compared in seconds (the ms
     * floored and ceiled), since seconds × 1000 wraps around a long for a start billions of years away.
     */
    public boolean within(long startS, long durationS) {
        return Math.floorDiv(fromMs, 1000) >= startS && -Math.floorDiv(-toMs, 1000) <= startS + durationS;
    }
}
