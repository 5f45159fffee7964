package io.clipdesk.ui.timeline;

import javafx.beans.Observable;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Draws a {@link DvrTimeline} on one canvas (repainted at most once per pulse, only when something changed) and
 * turns the pointer into edits: primary drag scrubs, dragging an in/out handle moves it, drag in the overview
 * strip or with the secondary button pans, Ctrl+wheel and pinch zoom around the pointer, plain wheel pans.
 */
public class DvrTimelineSkin extends SkinBase<DvrTimeline> {

    private static final double HANDLE_GRAB_PX = 6;
    private static final double MIN_HEIGHT = 140;

    private enum Gesture { NONE, SCRUB, DRAG_IN, DRAG_OUT, PAN, OVERVIEW }

    private final Canvas canvas = new Canvas();
    private final TimelinePainter painter = new TimelinePainter();
    private boolean dirty = true;
    private Gesture gesture = Gesture.NONE;
    private double lastX;
    private double paintedPlayheadX = Double.NaN;

    public DvrTimelineSkin(DvrTimeline t) {
        super(t);
        getChildren().add(canvas);
        Observable[] repaintOn = {t.dvrStartMsProperty(), t.liveEdgeMsProperty(), t.visibleStartMsProperty(),
                t.visibleEndMsProperty(), t.marksProperty(), t.clipsProperty(),
                t.segmentsProperty(), t.waveformProperty(), t.zoneProperty(), t.scrubbingProperty(), t.scrubMsProperty(),
                t.hoverMsProperty()};
        for (Observable o : repaintOn) {
            o.addListener(x -> invalidate());
        }
        // Playback moves the playhead 25 times a second; repaint only when it moves a whole pixel.
        t.playheadMsProperty().addListener(x -> {
            if (!(Math.abs(t.scale(canvas.getWidth()).xOf(t.getPlayheadMs()) - paintedPlayheadX) < 1)) {
                invalidate();
            }
        });
        t.thumbnailsProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.setOnLoaded(this::invalidate);
            }
            invalidate();
        });
        if (t.getThumbnails() != null) {
            t.getThumbnails().setOnLoaded(this::invalidate);
        }
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> {
            t.hover(time(e.getX()));
            canvas.setCursor(handleAt(e.getX()) != Gesture.NONE ? Cursor.H_RESIZE : Cursor.DEFAULT);
        });
        canvas.setOnMouseExited(e -> t.hover(Marks.NONE));
        canvas.setOnScroll(this::scrolled);
        canvas.setOnZoom(this::pinched);
    }

    /** Repaints now: the same work a pulse does, exposed for the repaint benchmark. */
    public void paint() {
        DvrTimeline t = getSkinnable();
        painter.paint(canvas.getGraphicsContext2D(), t, canvas.getWidth(), canvas.getHeight());
        paintedPlayheadX = t.scale(canvas.getWidth()).xOf(t.getPlayheadMs());
        dirty = false;
    }

    private void invalidate() {
        if (!dirty) {
            dirty = true;
            getSkinnable().requestLayout();
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(x, y);
        if (dirty) {
            paint();
        }
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return MIN_HEIGHT;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 172;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    private void pressed(MouseEvent e) {
        DvrTimeline t = getSkinnable();
        lastX = e.getX();
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.PAN;
        } else if (e.getY() >= canvas.getHeight() - TimelinePainter.OVERVIEW_H) {
            gesture = Gesture.OVERVIEW;
            centreOverviewAt(e.getX());
        } else {
            gesture = handleAt(e.getX());
            if (gesture == Gesture.NONE) {
                gesture = Gesture.SCRUB;
                t.beginScrub(clampToDvr(time(e.getX())));
            }
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        DvrTimeline t = getSkinnable();
        long at = clampToDvr(time(e.getX()));
        switch (gesture) {
            case SCRUB -> t.scrubTo(at);
            case DRAG_IN -> t.getOnMarksEdited().accept(t.getMarks().withIn(at));
            case DRAG_OUT -> t.getOnMarksEdited().accept(t.getMarks().withOut(at));
            case PAN -> show(t.scale(canvas.getWidth()).pan(e.getX() - lastX));
            case OVERVIEW -> centreOverviewAt(e.getX());
            default -> { }
        }
        t.hover(time(e.getX()));
        lastX = e.getX();
        e.consume();
    }

    private void released(MouseEvent e) {
        if (gesture == Gesture.SCRUB) {
            getSkinnable().endScrub();
        }
        gesture = Gesture.NONE;
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        TimelineScale s = getSkinnable().scale(canvas.getWidth());
        if (e.isShortcutDown() || e.isControlDown()) {
            show(s.zoom(Math.pow(1.002, -e.getDeltaY()), e.getX(), DvrTimeline.MIN_VISIBLE_MS,
                    getSkinnable().maxVisibleMs()));
        } else {
            double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            show(s.pan(delta));
        }
        e.consume();
    }

    private void pinched(ZoomEvent e) {
        TimelineScale s = getSkinnable().scale(canvas.getWidth());
        show(s.zoom(1 / e.getZoomFactor(), e.getX(), DvrTimeline.MIN_VISIBLE_MS, getSkinnable().maxVisibleMs()));
        e.consume();
    }

    private void centreOverviewAt(double x) {
        DvrTimeline t = getSkinnable();
        if (t.getLiveEdgeMs() <= t.getDvrStartMs()) {
            return;
        }
        long centre = new TimelineScale(t.getDvrStartMs(), t.getLiveEdgeMs(), canvas.getWidth()).timeAt(x);
        TimelineScale s = t.scale(canvas.getWidth());
        show(new TimelineScale(centre - s.spanMs() / 2, centre + s.spanMs() - s.spanMs() / 2, s.widthPx()));
    }

    /** Applies a new visible range kept near the DVR; following the live edge resumes when it is back in view. */
    private void show(TimelineScale s) {
        DvrTimeline t = getSkinnable();
        TimelineScale shown = s;
        if (t.getLiveEdgeMs() > t.getDvrStartMs()) {
            long margin = s.spanMs() / 20;
            shown = s.clampTo(t.getDvrStartMs() - margin, t.getLiveEdgeMs() + margin);
        }
        t.setVisibleRange(shown.startMs(), shown.endMs());
        t.setFollowLive(shown.endMs() >= t.getLiveEdgeMs());
    }

    private Gesture handleAt(double x) {
        DvrTimeline t = getSkinnable();
        TimelineScale s = t.scale(canvas.getWidth());
        Marks m = t.getMarks();
        if (m.hasOut() && Math.abs(s.xOf(m.outMs()) - x) <= HANDLE_GRAB_PX) {
            return Gesture.DRAG_OUT;
        }
        if (m.hasIn() && Math.abs(s.xOf(m.inMs()) - x) <= HANDLE_GRAB_PX) {
            return Gesture.DRAG_IN;
        }
        return Gesture.NONE;
    }

    private long time(double x) {
        return getSkinnable().scale(canvas.getWidth()).timeAt(x);
    }

    private long clampToDvr(long ms) {
        DvrTimeline t = getSkinnable();
        if (t.getLiveEdgeMs() <= t.getDvrStartMs()) {
            return ms;
        }
        return Math.max(t.getDvrStartMs(), Math.min(t.getLiveEdgeMs() - 1, ms));
    }
}
