package io.clipdesk.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The instant-clip rules of API.md, as a pure function of (request, stream, DVR window, now). The UI calls
 * it too, so the editor sees the same sentence inline that a script gets as a 400.
 */
public final class ClipPolicy {

    public static final long DEFAULT_EXPIRY_S = 3600;
    public static final long MIN_EXPIRY_S = 60;
    public static final long MAX_EXPIRY_S = 14400;
    /** A start may lie this far in the future (the clip then records as the live stream reaches it). */
    public static final long MAX_START_AHEAD_S = 60;
    public static final int MAX_NAME_LENGTH = 255;

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ClipPolicy() {
    }

    /**
     * @param window the DVR as it is now; empty when nothing has been ingested yet
     * @throws ClipRejectedException naming the rule broken and the allowed range
     */
    public static ClipPlan plan(ClipRequest request, LiveStream stream, DvrWindow window, long nowMs, ZoneId zone) {
        if (!stream.dvrEnabled()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.DVR_DISABLED,
                    "DVR must be enabled for clip recording (stream " + stream.id() + " has dvr_enabled false)");
        }
        long nowS = Math.floorDiv(nowMs, 1000);
        long durationS = request.durationS();
        if (durationS < 1 || durationS > stream.dvrDurationS()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.DURATION,
                    "duration " + durationS + " s is outside the allowed range 1–" + stream.dvrDurationS()
                            + " s (the stream's dvr_duration)");
        }
        long startS = request.startS().orElse(nowS);
        if (startS > nowS + MAX_START_AHEAD_S) {
            throw new ClipRejectedException(ClipRejectedException.Rule.START_IN_FUTURE,
                    "start " + startS + " is more than " + MAX_START_AHEAD_S + " s after now (" + nowS
                            + "); allowed up to " + (nowS + MAX_START_AHEAD_S));
        }
        if (window.isEmpty()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.NO_MEDIA,
                    "the DVR of stream " + stream.id() + " holds no media yet; wait for the stream to go live");
        }
        long dvrStartS = Math.floorDiv(window.startMs(), 1000);
        long dvrEndS = Math.floorDiv(window.endMs(), 1000);
        if (startS < dvrStartS) {
            throw new ClipRejectedException(ClipRejectedException.Rule.START_BEFORE_DVR,
                    "start " + startS + " is before the DVR window " + dvrStartS + "–" + dvrEndS);
        }
        long endS = startS + durationS;
        long expirationS = request.expirationS().orElse(endS + DEFAULT_EXPIRY_S);
        long lifeS = expirationS - endS;
        if (lifeS < MIN_EXPIRY_S || lifeS > MAX_EXPIRY_S) {
            throw new ClipRejectedException(ClipRejectedException.Rule.EXPIRATION,
                    "expiration " + expirationS + " must be 60 s to 4 h after start + duration (" + endS
                            + "), i.e. between " + (endS + MIN_EXPIRY_S) + " and " + (endS + MAX_EXPIRY_S));
        }
        String name = request.name();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ClipRejectedException(ClipRejectedException.Rule.NAME,
                    "name is " + name.length() + " characters; at most " + MAX_NAME_LENGTH + " allowed");
        }
        if (name.isEmpty()) {
            name = "Clip " + NAME_TIME.format(Instant.ofEpochSecond(startS).atZone(zone));
        }
        return new ClipPlan(startS, durationS, expirationS, name);
    }
}
