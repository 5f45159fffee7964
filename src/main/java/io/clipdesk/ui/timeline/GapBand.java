package io.clipdesk.ui.timeline;

import io.clipdesk.engine.dvr.DvrGaps;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A stretch of the DVR the source never delivered (between two segments' stamps), as the timeline draws it. */
public record GapBand(long startMs, long endMs) {

    public GapBand {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("a gap ends after it starts: " + startMs + "–" + endMs);
        }
    }

    public long lengthMs() {
        return endMs - startMs;
    }

    public boolean contains(long timeMs) {
        return timeMs >= startMs && timeMs < endMs;
    }

    /**
     * The gaps of {@code index} overlapping [{@code fromMs}, {@code toMs}), oldest first. Only the segments in
     * that range are looked at, so the cost follows the view, not the DVR's length.
     */
    public static List<GapBand> in(SegmentIndex index, long fromMs, long toMs) {
        if (index.size() < 2 || toMs <= fromMs) {
            return List.of();
        }
        int first = Math.max(1, index.indexAt(fromMs));
        int last = Math.min(index.size() - 1, index.indexAt(toMs));
        List<GapBand> gaps = new ArrayList<>(0);
        for (int i = first; i <= last; i++) {
            long endMs = index.endMs(i - 1);
            long startMs = index.startMs(i);
            if (DvrGaps.isGap(endMs, startMs) && startMs > fromMs && endMs < toMs) {
                gaps.add(new GapBand(endMs, startMs));
            }
        }
        return gaps;
    }

    /** "0.8 s", "7 s", "2 min 05 s", "1 h 12 min": how long media is missing, read at a glance. */
    public static String lengthText(long ms) {
        if (ms < 9_950) {
            String text = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
            return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " s";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
