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

    /** Whether it lies inside [{@code startS}, {@code startS + durationS}) seconds. */
    public boolean within(long startS, long durationS) {
        return fromMs >= startS * 1000 && toMs <= (startS + durationS) * 1000;
    }
}
