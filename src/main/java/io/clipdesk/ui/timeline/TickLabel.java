package io.clipdesk.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A labelled ruler tick: a wall-clock instant and its local time as the ruler prints it. */
public record TickLabel(long timeMs, String text) {

    /** Minimum distance between labels; the ruler picks its step so labels never crowd. */
    public static final double MIN_SPACING_PX = 90;

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    /** The labelled ticks of {@code scale} in local time of {@code zone}, one step before the range included. */
    public static List<TickLabel> of(TimelineScale scale, ZoneId zone) {
        TickStep step = TickStep.forScale(scale.msPerPx(), MIN_SPACING_PX);
        DateTimeFormatter format = step.showsSeconds() ? HMS : HM;
        List<TickLabel> ticks = new ArrayList<>();
        for (long ms = TimelineScale.alignUp(scale.startMs() - step.majorMs(), step.majorMs(), zone);
             ms <= scale.endMs(); ms = TimelineScale.alignUp(ms + 1, step.majorMs(), zone)) {
            ticks.add(new TickLabel(ms, format.format(Instant.ofEpochMilli(ms).atZone(zone))));
        }
        return ticks;
    }
}
