package io.clipdesk.engine;

/**
 * The media an editor marked to the frame, in wall-clock ms, for a {@link ClipAccuracy#FRAME} clip. It lies inside
 * the clip's whole-second range, which stays what the API reports and what expiry and readiness count from.
 */
public record ExactRange(long fromMs, long toMs) {

    public ExactRange {
        if (fromMs < 0 || toMs <= fromMs) {
            throw new IllegalArgumentException("an exact range needs 0 <= from < to, got " + fromMs + "–" + toMs
                    + " ms");
        }
    }

    /** Whether it lies inside [{@code startS}, {@code startS + durationS}) seconds. */
    public boolean within(long startS, long durationS) {
        return fromMs >= startS * 1000 && toMs <= (startS + durationS) * 1000;
    }
}
