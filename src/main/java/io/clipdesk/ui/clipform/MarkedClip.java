package io.clipdesk.ui.clipform;

import io.clipdesk.engine.clip.ClipPolicy;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.ui.form.EditorWords;
import io.clipdesk.ui.timeline.Marks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clip an editor's marks describe, checked by {@link ClipPolicy} exactly as a script's request would be,
 * so the form says before submitting what the API would answer. Whole seconds, as the API counts: the start
 * rounds down and the end up, so the clip always covers the marked range. An exact clip also carries the marks
 * themselves ({@link ExactRange}), and the engine cuts there to the frame inside those seconds.
 */
public record MarkedClip(ClipRequest request, String problem) {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\b1[0-9]{9}\\b");

    public boolean isValid() {
        return problem.isEmpty();
    }

    /** The request a range [{@code startMs}, {@code endMs}) makes in whole seconds, with the policy's verdict. */
    public static MarkedClip of(long startMs, long endMs, String name, Duration expiry, boolean keepVod,
                                LiveStream stream, DvrWindow window, long nowMs, ZoneId zone) {
        return of(startMs, endMs, false, name, expiry, keepVod, stream, window, nowMs, zone);
    }

    /**
     * @param exact cut at {@code startMs}–{@code endMs} to the frame (frame accuracy), not at the covering seconds
     */
    public static MarkedClip of(long startMs, long endMs, boolean exact, String name, Duration expiry,
                                boolean keepVod, LiveStream stream, DvrWindow window, long nowMs, ZoneId zone) {
        long startS = Math.floorDiv(startMs, 1000);
        long durationS = Math.max(1, Math.floorDiv(endMs + 999, 1000) - startS);
        ClipRequest seconds = ClipRequest.of(stream.id(), startS, durationS)
                .withLife(expiry.toSeconds())
                .withVod(keepVod)
                .withName(name);
        ClipRequest request = exact && endMs > startMs
                ? seconds.withExactRange(new ExactRange(startMs, endMs)) : seconds;
        try {
            ClipPolicy.plan(request, stream, window, nowMs, zone);
            return new MarkedClip(request, "");
        } catch (ClipRejectedException e) {
            return new MarkedClip(request, readable(e.getMessage(), zone));
        }
    }

    /** The form's verdict on the marks: what is missing, or what the policy says about the range. */
    public static MarkedClip ofMarks(Marks marks, boolean exact, String name, Duration expiry, boolean keepVod,
                                     LiveStream stream, DvrWindow window, long nowMs, ZoneId zone) {
        if (!marks.hasIn()) {
            return new MarkedClip(null, "Set an in point (I) where the moment starts.");
        }
        if (!marks.hasOut()) {
            return new MarkedClip(null, "Set an out point (O) where the moment ends.");
        }
        if (marks.lengthMs() <= 0) {
            return new MarkedClip(null, "The out point must be after the in point.");
        }
        return of(marks.inMs(), marks.outMs(), exact, name, expiry, keepVod, stream, window, nowMs, zone);
    }

    /** The policy's sentence with its Unix seconds shown as local wall-clock times, which editors read. */
    static String readable(String message, ZoneId zone) {
        Matcher m = UNIX_SECONDS.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String time = HMS.format(Instant.ofEpochSecond(Long.parseLong(m.group())).atZone(zone));
            m.appendReplacement(out, time);
        }
        m.appendTail(out);
        return EditorWords.of(out.toString());
    }
}
