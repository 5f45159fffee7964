package io.clipdesk.ui.timeline;

import io.clipdesk.ui.dvr.SegmentIndex;
import io.clipdesk.ui.dvr.WaveformPyramid;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The DVR timeline: the rolling window (tail to live edge), the visible range (zoom and pan), the playhead,
 * in/out marks, clip bands, one thumbnail per segment and the waveform of the sound, all as properties. {@link DvrTimelineSkin} draws and
 * handles the pointer; what the editor does comes out through {@link #onSeekProperty()} and
 * {@link #onMarksEditedProperty()} so a view model stays the owner of playhead and marks.
 */
public class DvrTimeline extends Control {

    public static final long MIN_VISIBLE_MS = 10_000;
    private static final StyleablePropertyFactory<DvrTimeline> STYLES =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final LongProperty dvrStartMs = new SimpleLongProperty(this, "dvrStartMs");
    private final LongProperty liveEdgeMs = new SimpleLongProperty(this, "liveEdgeMs");
    private final LongProperty visibleStartMs = new SimpleLongProperty(this, "visibleStartMs");
    private final LongProperty visibleEndMs = new SimpleLongProperty(this, "visibleEndMs", 60_000);
    private final LongProperty playheadMs = new SimpleLongProperty(this, "playheadMs");
    private final ObjectProperty<Marks> marks = new SimpleObjectProperty<>(this, "marks", Marks.CLEARED);
    private final ObjectProperty<List<ClipBand>> clips = new SimpleObjectProperty<>(this, "clips", List.of());
    private final ObjectProperty<SegmentIndex> segments = new SimpleObjectProperty<>(this, "segments", SegmentIndex.EMPTY);
    private final ObjectProperty<ThumbnailCache> thumbnails = new SimpleObjectProperty<>(this, "thumbnails");
    private final ObjectProperty<WaveformPyramid> waveform =
            new SimpleObjectProperty<>(this, "waveform", WaveformPyramid.EMPTY);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    private final ObjectProperty<LongConsumer> onSeek = new SimpleObjectProperty<>(this, "onSeek", ms -> { });
    private final ObjectProperty<Consumer<Marks>> onMarksEdited = new SimpleObjectProperty<>(this, "onMarksEdited", m -> { });
    private final ReadOnlyBooleanWrapper scrubbing = new ReadOnlyBooleanWrapper(this, "scrubbing");
    private final ReadOnlyLongWrapper scrubMs = new ReadOnlyLongWrapper(this, "scrubMs");
    private final ReadOnlyLongWrapper hoverMs = new ReadOnlyLongWrapper(this, "hoverMs", Marks.NONE);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);

    private final StyleableProperty<Paint> tickColor =
            STYLES.createStyleablePaintProperty(this, "tickColor", "-cd-tick-color", t -> t.tickColor, Color.gray(0.55));
    private final StyleableProperty<Paint> labelColor =
            STYLES.createStyleablePaintProperty(this, "labelColor", "-cd-label-color", t -> t.labelColor, Color.gray(0.85));
    private final StyleableProperty<Paint> dvrColor =
            STYLES.createStyleablePaintProperty(this, "dvrColor", "-cd-dvr-color", t -> t.dvrColor, Color.web("#1e2630"));
    private final StyleableProperty<Paint> goneColor =
            STYLES.createStyleablePaintProperty(this, "goneColor", "-cd-gone-color", t -> t.goneColor, Color.web("#0b0d10"));
    private final StyleableProperty<Paint> rangeColor =
            STYLES.createStyleablePaintProperty(this, "rangeColor", "-cd-range-color", t -> t.rangeColor, Color.web("#f5b94266"));
    private final StyleableProperty<Paint> clipColor =
            STYLES.createStyleablePaintProperty(this, "clipColor", "-cd-clip-color", t -> t.clipColor, Color.web("#3f8cff"));
    private final StyleableProperty<Paint> playheadColor =
            STYLES.createStyleablePaintProperty(this, "playheadColor", "-cd-playhead-color", t -> t.playheadColor, Color.WHITE);
    private final StyleableProperty<Paint> liveColor =
            STYLES.createStyleablePaintProperty(this, "liveColor", "-cd-live-color", t -> t.liveColor, Color.web("#ff3b3b"));
    private final StyleableProperty<Paint> markColor =
            STYLES.createStyleablePaintProperty(this, "markColor", "-cd-mark-color", t -> t.markColor, Color.web("#f5b942"));
    private final StyleableProperty<Paint> gapColor =
            STYLES.createStyleablePaintProperty(this, "gapColor", "-cd-gap-color", t -> t.gapColor, Color.web("#050608"));
    private final StyleableProperty<Paint> gapHatchColor =
            STYLES.createStyleablePaintProperty(this, "gapHatchColor", "-cd-gap-hatch-color", t -> t.gapHatchColor,
                    Color.web("#4a3326"));

    private final StyleableProperty<Paint> wavePeakColor =
            STYLES.createStyleablePaintProperty(this, "wavePeakColor", "-cd-wave-peak-color", t -> t.wavePeakColor,
                    Color.web("#5fd3a0", 0.42));
    private final StyleableProperty<Paint> waveRmsColor =
            STYLES.createStyleablePaintProperty(this, "waveRmsColor", "-cd-wave-rms-color", t -> t.waveRmsColor,
                    Color.web("#5fd3a0"));

    public DvrTimeline() {
        getStyleClass().add("dvr-timeline");
        setFocusTraversable(false);
        liveEdgeMs.addListener((o, was, now) -> followLiveEdge(was.longValue(), now.longValue()));
    }

    /** Shows the last {@code spanMs} up to the live edge, keeping a little room after it. */
    public void showLive(long spanMs) {
        long span = Math.max(MIN_VISIBLE_MS, spanMs);
        long end = getLiveEdgeMs() + span / 25;
        setVisibleRange(end - span, end);
        setFollowLive(true);
    }

    /**
     * Keys + and −: zooms by {@code factor} (&lt; 1 zooms in) around the playhead when it is in view, else around
     * the middle, within the same limits as the wheel.
     */
    public void zoomBy(double factor) {
        TimelineScale s = scale(1000);
        long playhead = getPlayheadMs();
        double anchorX = playhead >= s.startMs() && playhead <= s.endMs() ? s.xOf(playhead) : 500;
        TimelineScale zoomed = s.zoom(factor, anchorX, MIN_VISIBLE_MS, maxVisibleMs());
        setFollowLive(false);
        setVisibleRange(zoomed.startMs(), zoomed.endMs());
    }

    /** Ctrl+0: the whole DVR in view, following the live edge. */
    public void fitDvr() {
        showLive(Math.max(MIN_VISIBLE_MS, (getLiveEdgeMs() - getDvrStartMs()) * 21 / 20));
    }

    public void setVisibleRange(long startMs, long endMs) {
        if (endMs - startMs < 1) {
            return;
        }
        visibleStartMs.set(startMs);
        visibleEndMs.set(endMs);
    }

    public TimelineScale scale(double widthPx) {
        return new TimelineScale(getVisibleStartMs(), Math.max(getVisibleStartMs() + 1, getVisibleEndMs()), widthPx);
    }

    /** The ruler's labelled ticks at a width: wall-clock instants printed in local time. */
    public List<TickLabel> tickLabels(double widthPx) {
        return TickLabel.of(scale(widthPx), getZone());
    }

    /** The stretches of the visible range where the source delivered no media (drawn hatched). */
    public List<GapBand> gapBands() {
        return GapBand.in(getSegments(), getVisibleStartMs(), getVisibleEndMs());
    }

    /** The widest useful view: the whole DVR with a margin, and never less than a minute. */
    public long maxVisibleMs() {
        return Math.max(60_000, (getLiveEdgeMs() - getDvrStartMs()) * 11 / 10);
    }

    private void followLiveEdge(long was, long now) {
        if (isFollowLive() && now > was && !isScrubbing()) {
            setVisibleRange(getVisibleStartMs() + now - was, getVisibleEndMs() + now - was);
        }
    }

    void beginScrub(long ms) {
        scrubMs.set(ms);
        scrubbing.set(true);
        getOnSeek().accept(ms);
    }

    void scrubTo(long ms) {
        scrubMs.set(ms);
        getOnSeek().accept(ms);
    }

    void endScrub() {
        scrubbing.set(false);
    }

    void hover(long ms) {
        hoverMs.set(ms);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DvrTimelineSkin(this);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLES.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    // Palette for the skin's canvas.
    Paint tickColor() { return tickColor.getValue(); }
    Paint labelColor() { return labelColor.getValue(); }
    Paint dvrColor() { return dvrColor.getValue(); }
    Paint goneColor() { return goneColor.getValue(); }
    Paint rangeColor() { return rangeColor.getValue(); }
    Paint clipColor() { return clipColor.getValue(); }
    Paint playheadColor() { return playheadColor.getValue(); }
    Paint liveColor() { return liveColor.getValue(); }
    Paint markColor() { return markColor.getValue(); }
    Paint gapColor() { return gapColor.getValue(); }
    Paint gapHatchColor() { return gapHatchColor.getValue(); }
    Paint wavePeakColor() { return wavePeakColor.getValue(); }
    Paint waveRmsColor() { return waveRmsColor.getValue(); }

    public LongProperty dvrStartMsProperty() { return dvrStartMs; }
    public long getDvrStartMs() { return dvrStartMs.get(); }
    public void setDvrStartMs(long v) { dvrStartMs.set(v); }

    public LongProperty liveEdgeMsProperty() { return liveEdgeMs; }
    public long getLiveEdgeMs() { return liveEdgeMs.get(); }
    public void setLiveEdgeMs(long v) { liveEdgeMs.set(v); }

    public LongProperty visibleStartMsProperty() { return visibleStartMs; }
    public long getVisibleStartMs() { return visibleStartMs.get(); }

    public LongProperty visibleEndMsProperty() { return visibleEndMs; }
    public long getVisibleEndMs() { return visibleEndMs.get(); }

    public LongProperty playheadMsProperty() { return playheadMs; }
    public long getPlayheadMs() { return playheadMs.get(); }
    public void setPlayheadMs(long v) { playheadMs.set(v); }

    public ObjectProperty<Marks> marksProperty() { return marks; }
    public Marks getMarks() { return marks.get(); }
    public void setMarks(Marks v) { marks.set(v); }

    public ObjectProperty<List<ClipBand>> clipsProperty() { return clips; }
    public List<ClipBand> getClips() { return clips.get(); }
    public void setClips(List<ClipBand> v) { clips.set(List.copyOf(v)); }

    public ObjectProperty<SegmentIndex> segmentsProperty() { return segments; }
    public SegmentIndex getSegments() { return segments.get(); }
    public void setSegments(SegmentIndex v) { segments.set(v); }

    public ObjectProperty<ThumbnailCache> thumbnailsProperty() { return thumbnails; }
    public ThumbnailCache getThumbnails() { return thumbnails.get(); }
    public void setThumbnails(ThumbnailCache v) { thumbnails.set(v); }

    /** The DVR's sound, drawn in a lane under the thumbnails; empty draws nothing there. */
    public ObjectProperty<WaveformPyramid> waveformProperty() { return waveform; }
    public WaveformPyramid getWaveform() { return waveform.get(); }
    public void setWaveform(WaveformPyramid v) { waveform.set(v == null ? WaveformPyramid.EMPTY : v); }

    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ZoneId getZone() { return zone.get(); }
    public void setZone(ZoneId v) { zone.set(v); }

    public ObjectProperty<LongConsumer> onSeekProperty() { return onSeek; }
    public LongConsumer getOnSeek() { return onSeek.get(); }
    public void setOnSeek(LongConsumer v) { onSeek.set(v); }

    public ObjectProperty<Consumer<Marks>> onMarksEditedProperty() { return onMarksEdited; }
    public Consumer<Marks> getOnMarksEdited() { return onMarksEdited.get(); }
    public void setOnMarksEdited(Consumer<Marks> v) { onMarksEdited.set(v); }

    public BooleanProperty followLiveProperty() { return followLive; }
    public boolean isFollowLive() { return followLive.get(); }
    public void setFollowLive(boolean v) { followLive.set(v); }

    /** True while the editor drags the playhead; the playhead then shows {@link #scrubMsProperty()}. */
    public ReadOnlyBooleanProperty scrubbingProperty() { return scrubbing.getReadOnlyProperty(); }
    public boolean isScrubbing() { return scrubbing.get(); }

    public ReadOnlyLongProperty scrubMsProperty() { return scrubMs.getReadOnlyProperty(); }
    public long getScrubMs() { return scrubMs.get(); }

    /** Wall-clock time under the pointer, {@link Marks#NONE} when the pointer is outside. */
    public ReadOnlyLongProperty hoverMsProperty() { return hoverMs.getReadOnlyProperty(); }
    public long getHoverMs() { return hoverMs.get(); }
}
