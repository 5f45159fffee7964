package io.clipdesk.engine.clip;

import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

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
        checkExactRange(request);
        if (window.isEmpty()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.NO_MEDIA,
                    "the DVR of stream " + stream.id() + " holds no media yet; wait for the stream to go live");
        }
        long endS = startS + durationS;
        Optional<ExactRange> exact = inDvr(request.exactRange(), startS, endS, window);
        long deliveredStartS = Math.max(startS, Math.floorDiv(window.startMs(), 1000));
        long expirationS = expiration(request, availableAtS(nowMs, endS), nowS);
        String name = checkNameLength(request.name());
        if (name.isEmpty()) {
            name = "Clip " + NAME_TIME.format(Instant.ofEpochSecond(deliveredStartS).atZone(zone));
        }
        return new ClipPlan(deliveredStartS, endS - deliveredStartS, expirationS, name, exact);
    }

    /**
     * The request that makes {@code clip} again at [{@code fromMs}, {@code toMs}) from the DVR: its title, description,
     * permanent copy and accuracy (an exact cut stays exact, at the new marks), and its expiry rule — the life it was
     * given after it became available, counted again from when the corrected clip is. {@link #plan} checks the rest.
     *
     * @throws ClipRejectedException ADJUST_OUTSIDE_DVR when the DVR no longer holds all of the new range
     */
    public static ClipRequest adjusted(Clip clip, long fromMs, long toMs, DvrWindow window) {
        ExactRange range = new ExactRange(fromMs, toMs);
        if (window.isEmpty() || range.fromMs() < window.startMs() || range.toMs() > window.endMs()) {
            String held = window.isEmpty() ? "holds no media" : "holds " + Math.floorDiv(window.startMs(), 1000)
                    + "–" + Math.floorDiv(window.endMs(), 1000);
            throw new ClipRejectedException(ClipRejectedException.Rule.ADJUST_OUTSIDE_DVR, "ADJUST_OUTSIDE_DVR: the"
                    + " range " + Math.floorDiv(fromMs, 1000) + "–" + Math.floorDiv(toMs + 999, 1000) + " is not all in"
                    + " the DVR, which " + held + "; trim inside the clip's own media instead (POST …/trim)");
        }
        long startS = Math.floorDiv(fromMs, 1000);
        long durationS = Math.floorDiv(toMs + 999, 1000) - startS;
        long lifeS = clip.expirationS() - availableAtS(clip.createdAtMs(), clip.endS());
        ClipRequest request = ClipRequest.of(clip.streamId(), startS, durationS)
                .withLife(Math.max(MIN_EXPIRY_S, Math.min(MAX_EXPIRY_S, lifeS)))
                .withVod(clip.hasVideo())
                .withName(clip.name())
                .withDescription(clip.description());
        return clip.accuracy() == ClipAccuracy.FRAME ? request.withExactRange(range) : request;
    }

    /**
     * A trim of a ready clip inside its own media: [{@code fromMs}, {@code toMs}) must lie in the range the clip
     * delivered, {@code cutStartMs}–{@code cutEndMs}.
     *
     * @throws ClipRejectedException TRIM_OUTSIDE_CLIP otherwise, or when the clip has no media yet
     */
    public static ExactRange trimmed(Clip clip, long fromMs, long toMs) {
        ExactRange range = new ExactRange(fromMs, toMs);
        if (clip.status() != ClipStatus.READY) {
            throw new ClipRejectedException(ClipRejectedException.Rule.TRIM_OUTSIDE_CLIP, "TRIM_OUTSIDE_CLIP: clip "
                    + clip.id() + " is " + clip.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only a ready clip's media can be trimmed");
        }
        if (range.fromMs() < clip.cutStartMs() || range.toMs() > clip.cutEndMs()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.TRIM_OUTSIDE_CLIP, "TRIM_OUTSIDE_CLIP: the"
                    + " trim " + fromMs + "–" + toMs + " ms must lie inside the clip's own media, " + clip.cutStartMs()
                    + "–" + clip.cutEndMs() + " ms");
        }
        return range;
    }

    /** A clip's new title (renaming it): not empty, at most {@link #MAX_NAME_LENGTH} characters. */
    public static String title(String name) {
        String title = checkNameLength(name == null ? "" : name.strip());
        if (title.isEmpty()) {
            throw new ClipRejectedException(ClipRejectedException.Rule.NAME,
                    "name cannot be empty; give the clip a title");
        }
        return title;
    }

    private static String checkNameLength(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ClipRejectedException(ClipRejectedException.Rule.NAME,
                    "name is " + name.length() + " characters; at most " + MAX_NAME_LENGTH + " allowed");
        }
        return name;
    }

    /**
     * When a clip ending at {@code endS} is available, in Unix seconds: the later of now and its end. Expiration
     * counts from here, so a clip reaching back into the DVR is not born expired.
     */
    public static long availableAtS(long nowMs, long endS) {
        return Math.max(Math.floorDiv(nowMs, 1000), endS);
    }

    /** An exact cut is to the frame, and lies inside the seconds it is asked with. */
    private static void checkExactRange(ClipRequest request) {
        if (request.exactRange().isEmpty()) {
            return;
        }
        ExactRange range = request.exactRange().get();
        if (request.accuracy() != ClipAccuracy.FRAME) {
            throw new ClipRejectedException(ClipRejectedException.Rule.EXACT_RANGE, "an exact cut (cut_from_ms and"
                    + " cut_to_ms) is to the frame: send it with \"accuracy\": \"frame\" or without accuracy");
        }
        if (request.startS().isEmpty() || !range.within(request.startS().getAsLong(), request.durationS())) {
            // The seconds written out as ms with "000": × 1000 would wrap around a long for a start far away.
            String seconds = request.startS().isEmpty() ? "no start was given"
                    : "that is " + request.startS().getAsLong() + "000–"
                    + (request.startS().getAsLong() + request.durationS()) + "000 ms";
            throw new ClipRejectedException(ClipRejectedException.Rule.EXACT_RANGE, "the exact cut " + range.fromMs()
                    + "–" + range.toMs() + " ms must lie inside start to start + duration (in ms; " + seconds + ")");
        }
    }

    /**
     * The part of the asked media the DVR holds: a range that began before the DVR's oldest media is cut from what
     * is there (the seed: "less than the specified value if there is less data in the DVR"); one wholly before it
     * has nothing to cut.
     */
    private static Optional<ExactRange> inDvr(Optional<ExactRange> exact, long startS, long endS, DvrWindow window) {
        // Compared in seconds where the request gave seconds: endS × 1000 wraps around a long for a start
        // billions of years back, onto a time that may lie inside the DVR.
        boolean before = exact.isPresent() ? exact.get().toMs() <= window.startMs()
                : endS <= Math.floorDiv(window.startMs(), 1000);
        if (before) {
            long endsAtS = exact.map(r -> Math.floorDiv(r.toMs() + 999, 1000)).orElse(endS);
            throw new ClipRejectedException(ClipRejectedException.Rule.START_BEFORE_DVR, "start " + startS
                    + " + duration " + (endS - startS) + " s ends at " + endsAtS
                    + ", before the DVR window " + Math.floorDiv(window.startMs(), 1000) + "–"
                    + Math.floorDiv(window.endMs(), 1000) + ": nothing to clip; choose a range that overlaps it");
        }
        return exact.map(r -> r.fromMs() >= window.startMs() ? r : new ExactRange(window.startMs(), r.toMs()));
    }

    private static long expiration(ClipRequest request, long availableS, long nowS) {
        long expirationS = request.expirationS().orElse(availableS + request.lifeS().orElse(DEFAULT_EXPIRY_S));
        long lowest = availableS + MIN_EXPIRY_S;
        long highest = availableS + MAX_EXPIRY_S;
        if (expirationS < lowest || expirationS > highest) {
            String why = expirationS <= nowS ? " is already past (now " + nowS + ")" : " is outside the allowed range";
            throw new ClipRejectedException(ClipRejectedException.Rule.EXPIRATION, "expiration " + expirationS + why
                    + "; allowed " + lowest + "–" + highest + ": 60 s to 4 h after the clip is available at "
                    + availableS + " (the later of now and start + duration)");
        }
        return expirationS;
    }
}
