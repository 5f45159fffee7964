package io.clipdesk.ui.timeline;

import io.clipdesk.ui.dvr.SegmentIndex;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Draws a {@link DvrTimeline} onto a canvas: ruler, thumbnails, the sound's lane, clips, marks, overview strip. Everything is culled to the visible range, so the cost depends on
 * the width in pixels, not on the DVR's length: a 4 h DVR paints like a 2 min one. Public so a benchmark can
 * time {@link #paint} without a window.
 */
public final class TimelinePainter {

    public static final double RULER_H = 24;
    public static final double CLIPS_H = 20;
    public static final double OVERVIEW_H = 12;
    /** The sound's lane, between the thumbnails and the clips. */
    public static final double WAVE_H = 32;
    private static final double HATCH_PX = 9;

    private static final DateTimeFormatter HOVER = DateTimeFormatter.ofPattern("HH:mm:ss.S");
    private final Font labelFont = Font.font("System", 11);
    private final Font clipFont = Font.font("System", FontWeight.BOLD, 11);
    private final WaveformLane waveform = new WaveformLane();

    public void paint(GraphicsContext g, DvrTimeline t, double w, double h) {
        TimelineScale s = t.scale(w);
        double lanesBottom = h - OVERVIEW_H - CLIPS_H;
        double waveTop = lanesBottom - WAVE_H;
        g.setFill(t.goneColor());
        g.fillRect(0, 0, w, h);
        boolean hasDvr = t.getLiveEdgeMs() > t.getDvrStartMs();
        if (hasDvr) {
            double x0 = clampX(s.xOf(t.getDvrStartMs()), w);
            double x1 = clampX(s.xOf(t.getLiveEdgeMs()), w);
            g.setFill(t.dvrColor());
            g.fillRect(x0, 0, x1 - x0, h - OVERVIEW_H);
            paintThumbnails(g, t, s, w, RULER_H, waveTop - RULER_H);
            g.setFill(Color.gray(0, 0.3));
            g.fillRect(x0, waveTop, x1 - x0, WAVE_H);
            waveform.paint(g, t.getWaveform(), s, w, waveTop, WAVE_H, t.getDvrStartMs(), t.getLiveEdgeMs(),
                    t.wavePeakColor(), t.waveRmsColor());
        }
        List<GapBand> gaps = t.gapBands();
        paintGaps(g, t, s, w, gaps, lanesBottom);
        paintRuler(g, t, s, w, h - OVERVIEW_H);
        paintClips(g, t, s, w, lanesBottom);
        paintMarks(g, t, s, w, lanesBottom + CLIPS_H);
        if (hasDvr) {
            paintLine(g, t.liveColor(), s.xOf(t.getLiveEdgeMs()), w, 0, h - OVERVIEW_H, 2);
        }
        long playhead = t.isScrubbing() ? t.getScrubMs() : t.getPlayheadMs();
        paintPlayhead(g, t.playheadColor(), s.xOf(playhead), w, h - OVERVIEW_H);
        paintHover(g, t, s, w, h - OVERVIEW_H, gaps);
        paintOverview(g, t, w, h - OVERVIEW_H);
    }

    private void paintThumbnails(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, double top, double laneH) {
        ThumbnailCache cache = t.getThumbnails();
        SegmentIndex index = t.getSegments();
        if (cache == null || index.isEmpty() || laneH < 8) {
            return;
        }
        double slotW = laneH * 16 / 9;
        int first = Math.max(0, index.indexAt(s.startMs()));
        int last = Math.min(index.size() - 1, index.indexAt(s.endMs()));
        if (first > last) {
            return;
        }
        double segW = Math.max(1e-3, s.xOf(index.endMs(first)) - s.xOf(index.startMs(first)));
        // Show every k-th segment (by sequence, so thumbnails stay put while panning) when they are narrower than a slot.
        long every = Math.max(1, (long) Math.ceil(slotW / segW));
        g.setFill(Color.gray(0, 0.35));
        for (int i = first; i <= last; i++) {
            long seq = index.sequence(i);
            if (seq % every != 0) {
                continue;
            }
            double x = s.xOf(index.startMs(i));
            double width = Math.min(slotW, Math.max(segW * every, 1)) - 1;
            if (x + width < 0 || x > w) {
                continue;
            }
            Image image = cache.loaded(seq);
            if (image != null) {
                g.drawImage(image, x, top + 1, width, laneH - 2);
            } else {
                g.fillRect(x, top + 1, width, laneH - 2);
            }
        }
    }

    /** Where the source delivered nothing: a dark hatched band over the lanes, its length written in it. */
    private void paintGaps(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, List<GapBand> gaps,
                           double lanesBottom) {
        double bottom = lanesBottom + CLIPS_H;
        for (GapBand gap : gaps) {
            double x0 = clampX(s.xOf(gap.startMs()), w);
            double x1 = clampX(s.xOf(gap.endMs()), w);
            double width = Math.max(2, x1 - x0);
            g.setFill(t.gapColor());
            g.fillRect(x0, RULER_H, width, bottom - RULER_H);
            g.save();
            g.beginPath();
            g.rect(x0, RULER_H, width, bottom - RULER_H);
            g.clip();
            g.setStroke(t.gapHatchColor());
            g.setLineWidth(2);
            double laneH = bottom - RULER_H;
            for (double x = x0 - laneH; x < x0 + width; x += HATCH_PX) {
                g.strokeLine(x, bottom, x + laneH, RULER_H);
            }
            g.restore();
            String text = "no media · " + GapBand.lengthText(gap.lengthMs());
            if (width > 90) {
                g.setFill(t.labelColor());
                g.setFont(labelFont);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(text, x0 + width / 2, (RULER_H + lanesBottom) / 2, width - 8);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }

    private void paintRuler(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, double bottom) {
        ZoneId zone = t.getZone();
        TickStep step = TickStep.forScale(s.msPerPx(), TickLabel.MIN_SPACING_PX);
        g.setFill(Color.gray(0, 0.45));
        g.fillRect(0, 0, w, RULER_H);
        g.setStroke(t.tickColor());
        g.setLineWidth(1);
        for (long ms = TimelineScale.alignUp(s.startMs(), step.minorMs(), zone); ms <= s.endMs();
             ms = TimelineScale.alignUp(ms + 1, step.minorMs(), zone)) {
            double x = Math.floor(s.xOf(ms)) + 0.5;
            g.strokeLine(x, RULER_H - 5, x, RULER_H);
        }
        g.setFill(t.labelColor());
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (TickLabel tick : TickLabel.of(s, zone)) {
            double x = Math.floor(s.xOf(tick.timeMs())) + 0.5;
            g.strokeLine(x, 2, x, RULER_H);
            g.strokeLine(x, RULER_H, x, bottom);
            g.fillText(tick.text(), x + 4, 4);
        }
    }

    private void paintClips(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, double top) {
        g.setFont(clipFont);
        g.setTextBaseline(VPos.CENTER);
        for (ClipBand clip : t.getClips()) {
            if (clip.endMs() < s.startMs() || clip.startMs() > s.endMs()) {
                continue;
            }
            double x0 = clampX(s.xOf(clip.startMs()), w);
            double x1 = clampX(s.xOf(clip.endMs()), w);
            double width = Math.max(2, x1 - x0);
            g.setFill(t.clipColor());
            g.setGlobalAlpha(clip.ready() ? 1 : 0.6);
            g.fillRoundRect(x0, top + 2, width, CLIPS_H - 4, 4, 4);
            g.setGlobalAlpha(0.18);
            g.fillRect(x0, RULER_H, width, top - RULER_H);
            g.setGlobalAlpha(1);
            if (width > 24) {
                g.setFill(Color.WHITE);
                g.fillText(clip.label(), x0 + 5, top + CLIPS_H / 2, width - 8);
            }
        }
    }

    private void paintMarks(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, double bottom) {
        Marks marks = t.getMarks();
        if (marks.isRange() && marks.lengthMs() > 0) {
            double x0 = clampX(s.xOf(marks.inMs()), w);
            double x1 = clampX(s.xOf(marks.outMs()), w);
            g.setFill(t.rangeColor());
            g.fillRect(x0, RULER_H, x1 - x0, bottom - RULER_H);
        }
        if (marks.hasIn()) {
            paintHandle(g, t.markColor(), s.xOf(marks.inMs()), w, bottom, true);
        }
        if (marks.hasOut()) {
            paintHandle(g, t.markColor(), s.xOf(marks.outMs()), w, bottom, false);
        }
    }

    private void paintHandle(GraphicsContext g, Paint paint, double x, double w, double bottom, boolean in) {
        if (x < -8 || x > w + 8) {
            return;
        }
        paintLine(g, paint, x, w, RULER_H, bottom, 2);
        double dir = in ? 1 : -1;
        g.setFill(paint);
        g.fillPolygon(new double[]{x, x + 9 * dir, x}, new double[]{RULER_H, RULER_H, RULER_H + 12}, 3);
        g.fillPolygon(new double[]{x, x + 9 * dir, x}, new double[]{bottom, bottom, bottom - 12}, 3);
    }

    private void paintPlayhead(GraphicsContext g, Paint paint, double x, double w, double bottom) {
        if (x < -6 || x > w + 6) {
            return;
        }
        paintLine(g, paint, x, w, 0, bottom, 2);
        g.setFill(paint);
        g.fillPolygon(new double[]{x - 6, x + 6, x}, new double[]{0, 0, 8}, 3);
    }

    private void paintHover(GraphicsContext g, DvrTimeline t, TimelineScale s, double w, double bottom,
                            List<GapBand> gaps) {
        long hover = t.getHoverMs();
        if (hover == Marks.NONE) {
            return;
        }
        double x = s.xOf(hover);
        paintLine(g, Color.gray(1, 0.45), x, w, RULER_H, bottom, 1);
        String text = HOVER.format(Instant.ofEpochMilli(hover).atZone(t.getZone()));
        double boxW = 74;
        for (GapBand gap : gaps) {
            if (gap.contains(hover)) {
                text += "  ·  no media for " + GapBand.lengthText(gap.lengthMs());
                Text measure = new Text(text);
                measure.setFont(labelFont);
                boxW = measure.getLayoutBounds().getWidth() + 16;
            }
        }
        double bx = Math.min(Math.max(0, x - boxW / 2), w - boxW);
        g.setFill(Color.gray(0.08, 0.9));
        g.fillRoundRect(bx, RULER_H + 2, boxW, 18, 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, bx + boxW / 2, RULER_H + 11);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The whole DVR squeezed into a strip: where the view is, where the clips are. */
    private void paintOverview(GraphicsContext g, DvrTimeline t, double w, double top) {
        g.setFill(Color.gray(0.02));
        g.fillRect(0, top, w, OVERVIEW_H);
        g.setStroke(Color.gray(0.25));
        g.setLineWidth(1);
        g.strokeLine(0, top + 0.5, w, top + 0.5);
        long from = t.getDvrStartMs();
        long to = t.getLiveEdgeMs();
        if (to <= from) {
            return;
        }
        TimelineScale all = new TimelineScale(from, to, w);
        double v0 = clampX(all.xOf(t.getVisibleStartMs()), w);
        double v1 = clampX(all.xOf(t.getVisibleEndMs()), w);
        g.setFill(Color.gray(1, 0.14));
        g.fillRect(v0, top + 1, Math.max(3, v1 - v0), OVERVIEW_H - 1);
        g.setFill(t.gapHatchColor());
        for (GapBand gap : GapBand.in(t.getSegments(), from, to)) {
            double x0 = all.xOf(gap.startMs());
            g.fillRect(x0, top + 1, Math.max(2, all.xOf(gap.endMs()) - x0), OVERVIEW_H / 2 - 1);
        }
        g.setFill(t.clipColor());
        for (ClipBand clip : t.getClips()) {
            double x0 = all.xOf(clip.startMs());
            g.fillRect(x0, top + OVERVIEW_H / 2, Math.max(2, all.xOf(clip.endMs()) - x0), OVERVIEW_H / 2 - 2);
        }
        g.setFill(t.playheadColor());
        g.fillRect(clampX(all.xOf(t.getPlayheadMs()), w) - 1, top + 1, 2, OVERVIEW_H - 1);
    }

    private static void paintLine(GraphicsContext g, Paint paint, double x, double w, double y0, double y1, double width) {
        if (x < -width || x > w + width) {
            return;
        }
        g.setStroke(paint);
        g.setLineWidth(width);
        g.strokeLine(x, y0, x, y1);
    }

    private static double clampX(double x, double w) {
        return Math.max(-2, Math.min(w + 2, x));
    }
}
