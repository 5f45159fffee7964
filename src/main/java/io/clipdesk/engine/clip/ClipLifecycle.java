package io.clipdesk.engine.clip;

/**
 * When a clip can be played and until when, as a pure function of (clip, now): the one place the engine's media
 * answers (425 Too Early, 404 after expiry), its listings and the desk's countdowns read it from.
 *
 * @param segmentDurationMs the DVR segment length: a clip is expected complete one segment after its end, when the
 *                          segment holding its last second is closed
 */
public record ClipLifecycle(int segmentDurationMs) {

    /** The earliest its media is served (the seed: "available only after start + duration"), wall-clock ms. */
    public long availableAtMs(Clip clip) {
        return clip.endS() * 1000;
    }

    /** When its media is expected to be complete, wall-clock ms. */
    public long readyAtMs(Clip clip) {
        return availableAtMs(clip) + segmentDurationMs;
    }

    /** The first instant it no longer exists, wall-clock ms. */
    public long expiresAtMs(Clip clip) {
        return clip.expirationS() * 1000;
    }

    /** Whether it still exists at {@code nowMs}: not deleted and not expired (even before the sweep runs). */
    public boolean aliveAt(Clip clip, long nowMs) {
        return clip.status() != ClipStatus.EXPIRED && nowMs < expiresAtMs(clip);
    }

    public ClipPhase phaseAt(Clip clip, long nowMs) {
        if (!aliveAt(clip, nowMs)) {
            return ClipPhase.EXPIRED;
        }
        if (clip.status() == ClipStatus.FAILED) {
            return ClipPhase.FAILED;
        }
        // Ready in the store yet before its end on this clock (a clock set back): not served until then.
        boolean served = clip.status() == ClipStatus.READY && nowMs >= availableAtMs(clip);
        return served ? ClipPhase.READY : ClipPhase.RECORDING;
    }

    /** When to ask again for media still recording at {@code nowMs}: its expected ready time, at least 1 s on. */
    public long retryAtMs(Clip clip, long nowMs) {
        return Math.max(readyAtMs(clip), nowMs + 1000);
    }
}
