package io.clipdesk.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The mapping between wall-clock time and pixels for a visible range drawn {@code widthPx} wide, and the
 * zoom and pan arithmetic on it. Pure, so geometry is tested without a screen.
 */
public record TimelineScale(long startMs, long endMs, double widthPx) {

    public TimelineScale {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("visible range must not be empty");
        }
        widthPx = Math.max(1, widthPx);
    }

    public long spanMs() {
        return endMs - startMs;
    }

    public double msPerPx() {
        return spanMs() / widthPx;
    }

    public double xOf(long timeMs) {
        return (timeMs - startMs) * widthPx / spanMs();
    }

    public long timeAt(double x) {
        return startMs + Math.round(x * spanMs() / widthPx);
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) keeping the time under {@code anchorX} where it is. */
    public TimelineScale zoom(double factor, double anchorX, long minSpanMs, long maxSpanMs) {
        long span = Math.max(minSpanMs, Math.min(maxSpanMs, Math.round(spanMs() * factor)));
        long anchorMs = timeAt(anchorX);
        long start = anchorMs - Math.round(anchorX / widthPx * span);
        return new TimelineScale(start, start + span, widthPx);
    }

    /** Moves the content {@code dx} pixels to the right (the visible range moves back in time). */
    public TimelineScale pan(double dx) {
        long shift = Math.round(dx * msPerPx());
        return new TimelineScale(startMs - shift, endMs - shift, widthPx);
    }

    /** Keeps the span but slides the range inside [{@code fromMs}, {@code toMs}] when it sticks out. */
    public TimelineScale clampTo(long fromMs, long toMs) {
        long span = spanMs();
        if (toMs - fromMs <= span) {
            return new TimelineScale(toMs - span, toMs, widthPx);
        }
        long start = Math.max(fromMs, Math.min(startMs, toMs - span));
        return new TimelineScale(start, start + span, widthPx);
    }

    /** The first instant at or after {@code timeMs} whose local time in {@code zone} is a multiple of {@code stepMs}. */
    public static long alignUp(long timeMs, long stepMs, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        long offsetMs = rules.getOffset(Instant.ofEpochMilli(timeMs)).getTotalSeconds() * 1000L;
        long local = timeMs + offsetMs;
        long aligned = Math.floorDiv(local + stepMs - 1, stepMs) * stepMs;
        return aligned - offsetMs;
    }
}
