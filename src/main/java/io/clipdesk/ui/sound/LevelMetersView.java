package io.clipdesk.ui.sound;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableLongValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Level meters beside the picture, read on every pulse while shown and redrawn when what they show changes by a
 * pixel (a still meter costs no render pass), on the pulse that puts a new picture on screen (25 a second while
 * the stream plays: the window is rendered once for both) or, when no picture comes, {@link #MAX_WAIT_NANOS} after
 * they were last drawn (at least 20 a second in slow motion or while paused): for left and right the sample
 * peak (thin bars, with a held peak line and a clip light that stays lit for two seconds) and the EBU R128 momentary
 * loudness (wide bars), on one dB scale from −60 to 0, and the louder channel's momentary loudness as a figure.
 * The region's background and border come from the theme ({@code .level-meters}); the bar colours are the
 * theme's: green up to −18 LUFS / −9 dBFS, amber above, red for clipping.
 */
public final class LevelMetersView extends Region {

    private static final double FLOOR_DB = -60;
    private static final long HOLD_NANOS = 1_500_000_000L;
    private static final long CLIP_HOLD_NANOS = 2_000_000_000L;
    /**
     * Longest a changed meter waits for a new picture to be drawn with: each redraw on a pulse of its own costs a
     * render pass of the window (1.5 ms of a software-rendered one, 16 a second while playing before this).
     */
    static final long MAX_WAIT_NANOS = 45_000_000L;
    private static final Color GREEN = Color.web("#35c46a");
    private static final Color AMBER = Color.web("#f5b942");
    private static final Color RED = Color.web("#ff3b3b");
    private static final Color TRACK = Color.web("#12161b");
    private static final Color DIM = Color.web("#8b95a3");
    private static final Color TEXT = Color.web("#e8ebf0");
    private static final double TOP = 22;
    private static final double BOTTOM = 22;

    private final Supplier<Levels> levels;
    private final ObservableLongValue picturesShown;
    private long drawnWithPicture = -1;
    private long drawnAt = Long.MIN_VALUE / 2;
    private final Canvas canvas = new Canvas();
    private final double[] held = {FLOOR_DB, FLOOR_DB};
    private final long[] heldAt = new long[2];
    private long clippedAt = Long.MIN_VALUE / 2; // "long ago", without overflowing now − clippedAt
    private Levels shown = Levels.SILENCE;
    private long redraws;
    private String drawnLook = "";
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            update(levels.get(), now);
        }
    };

    /**
     * @param picturesShown how many pictures the player beside them has put on screen: each one redraws them at
     *                      once, so both are rendered in one pass whichever of the two asks for its pulse first
     */
    public LevelMetersView(Supplier<Levels> levels, ObservableLongValue picturesShown) {
        this.levels = levels;
        this.picturesShown = picturesShown;
        picturesShown.addListener(o -> {
            if (getScene() != null) {
                update(levels.get(), System.nanoTime());
            }
        });
        getStyleClass().add("level-meters");
        setId("level-meters");
        getChildren().add(canvas);
        setMinWidth(86);
        setPrefWidth(86);
        setMaxWidth(86);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    /** The levels read on the last pulse: drawn, or drawn with the next picture. */
    public Levels shown() {
        return shown;
    }

    /** How many times the meters were drawn while in a window. */
    public long redraws() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw(System.nanoTime());
    }

    void update(Levels next, long now) {
        shown = next;
        double[] peaks = {next.peakLeftDbfs(), next.peakRightDbfs()};
        for (int ch = 0; ch < 2; ch++) {
            if (peaks[ch] >= held[ch] || now - heldAt[ch] > HOLD_NANOS) {
                held[ch] = peaks[ch];
                heldAt[ch] = now;
            }
        }
        if (next.clipped()) {
            clippedAt = now;
        }
        long pictures = picturesShown.get();
        if (pictures == drawnWithPicture && now - drawnAt < MAX_WAIT_NANOS) {
            return;
        }
        String look = look(now);
        if (!look.equals(drawnLook)) {
            draw(now); // an unchanged meter is not redrawn: each redraw costs a render pass of the window
            drawnWithPicture = pictures;
            drawnAt = now;
        }
    }

    /** What a redraw would show, to the pixel: bar tops, hold marks, the CLIP light, the loudness text. */
    private String look(long now) {
        double h = canvas.getHeight();
        StringBuilder key = new StringBuilder(64).append((int) canvas.getWidth()).append('x').append((int) h);
        double[] peaks = {shown.peakLeftDbfs(), shown.peakRightDbfs()};
        double[] loud = {shown.momentaryLeftLufs(), shown.momentaryRightLufs()};
        for (int ch = 0; ch < 2; ch++) {
            key.append(' ').append((int) y(peaks[ch], h)).append(' ').append((int) y(loud[ch], h)).append(' ')
                    .append(held[ch] > FLOOR_DB ? (int) y(held[ch], h) : -1);
        }
        return key.append(now - clippedAt < CLIP_HOLD_NANOS).append(loudnessText(Math.max(loud[0], loud[1])))
                .toString();
    }

    private static String loudnessText(double lufs) {
        return lufs <= Levels.FLOOR ? "— LUFS" : String.format(Locale.ROOT, "%.1f LUFS", lufs);
    }

    private void draw(long now) {
        redraws++;
        drawnLook = look(now);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (h < TOP + BOTTOM + 20) {
            return;
        }
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        boolean clip = now - clippedAt < CLIP_HOLD_NANOS;
        g.setFill(clip ? RED : TRACK);
        g.fillRect(6, 4, w - 12, 13);
        g.setFill(clip ? Color.WHITE : DIM);
        g.fillText("CLIP", w / 2, 10.5);
        double[] peaks = {shown.peakLeftDbfs(), shown.peakRightDbfs()};
        double[] loud = {shown.momentaryLeftLufs(), shown.momentaryRightLufs()};
        double scaleX = 6;
        double barsX = 26;
        for (int ch = 0; ch < 2; ch++) {
            bar(g, barsX + ch * 8, 6, h, peaks[ch], -9, held[ch]);
            bar(g, barsX + 18 + ch * 14, 12, h, loud[ch], -18, Double.NaN);
        }
        g.setFill(DIM);
        g.setTextAlign(TextAlignment.LEFT);
        for (int db = 0; db >= FLOOR_DB; db -= 12) {
            g.fillText(Integer.toString(db), scaleX, y(db, h));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("L R", barsX + 7, h - BOTTOM + 8);
        g.fillText("M", barsX + 31, h - BOTTOM + 8);
        double m = Math.max(loud[0], loud[1]);
        g.setFill(TEXT);
        g.fillText(loudnessText(m), w / 2, h - 6);
    }

    private static void bar(GraphicsContext g, double x, double width, double h, double db, double hotDb,
                            double holdDb) {
        double bottom = h - BOTTOM;
        g.setFill(TRACK);
        g.fillRect(x, TOP, width, bottom - TOP);
        double top = y(db, h);
        double hot = y(hotDb, h);
        g.setFill(GREEN);
        g.fillRect(x, Math.max(top, hot), width, bottom - Math.max(top, hot));
        if (top < hot) {
            g.setFill(db >= Levels.CLIP_DBFS ? RED : AMBER);
            g.fillRect(x, top, width, hot - top);
        }
        if (!Double.isNaN(holdDb) && holdDb > FLOOR_DB) {
            g.setFill(holdDb >= Levels.CLIP_DBFS ? RED : TEXT);
            g.fillRect(x, y(holdDb, h) - 1, width, 2);
        }
    }

    private static double y(double db, double h) {
        double clamped = Math.max(FLOOR_DB, Math.min(0, db));
        return TOP + (h - BOTTOM - TOP) * (clamped / FLOOR_DB);
    }
}
