package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.ui.timeline.GapBand;

/**
 * A clip's state line at one instant of the engine's clock: "recording · ready in 0:23", "ready · expires in
 * 0:59:12" ("ready · crosses a 12 s gap · expires in …" when the source lost media inside it), "failed: reason",
 * "expired". A pure function of (clip, now), so a countdown is right after the laptop
 * sleeps: nothing counts ticks. {@code progress} is the recorded share of the clip (0–1) while recording, else 1.
 */
public record ClipCountdown(ClipPhase phase, String text, double progress) {

    /**
     * @param segmentDurationMs the DVR segment length: the clip is expected ready one segment after its end
     *                          ({@link ClipLifecycle})
     */
    public static ClipCountdown of(Clip clip, long nowMs, int segmentDurationMs) {
        ClipLifecycle lifecycle = new ClipLifecycle(segmentDurationMs);
        return switch (lifecycle.phaseAt(clip, nowMs)) {
            case EXPIRED -> new ClipCountdown(ClipPhase.EXPIRED, "expired", 1);
            case RECORDING -> recording(clip, nowMs, lifecycle.readyAtMs(clip));
            case READY -> new ClipCountdown(ClipPhase.READY, "ready · " + gap(clip) + "expires in "
                    + hms(lifecycle.expiresAtMs(clip) - nowMs), 1);
            case FAILED -> new ClipCountdown(ClipPhase.FAILED,
                    clip.error().isBlank() ? "failed" : "failed: " + clip.error(), 1);
        };
    }

    /** "crosses a 12 s gap · " when the source lost media inside the clip, so nobody is surprised by a jump. */
    private static String gap(Clip clip) {
        return clip.crossesGap() ? "crosses a " + GapBand.lengthText(clip.gapMs()) + " gap · " : "";
    }

    private static ClipCountdown recording(Clip clip, long nowMs, long readyAtMs) {
        long startMs = clip.startS() * 1000;
        double progress = Math.max(0, Math.min(1, (double) (nowMs - startMs) / Math.max(1, readyAtMs - startMs)));
        String text = nowMs < readyAtMs ? "recording · ready in " + span(readyAtMs - nowMs) : "recording · finishing";
        return new ClipCountdown(ClipPhase.RECORDING, text, progress);
    }

    /** A remaining time as m:ss (h:mm:ss from one hour), rounded up so "0:00" is never shown while waiting. */
    public static String span(long remainingMs) {
        long s = ceilSeconds(remainingMs);
        return s >= 3600 ? hms(remainingMs) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A remaining time as h:mm:ss, rounded up. */
    public static String hms(long remainingMs) {
        long s = ceilSeconds(remainingMs);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static long ceilSeconds(long ms) {
        return Math.max(0, Math.floorDiv(ms + 999, 1000));
    }
}
