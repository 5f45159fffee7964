package io.clipdesk.media.testsignal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The test signal's picture at 1280x720: colour bars, a bar sweeping once a second, a bouncing box, the frame's
 * local wall-clock time, a frame counter and the stream name, and a bright band on every whole second (the
 * moment {@link TestTone} beeps).
 *
 * <p>Drawn straight into YUV 4:2:0 (BT.709, limited range: what the encoders declare). Java2D paints what never
 * moves once — the bars and labels, and each character the clock and the counter can show as a glyph cell — and
 * a frame copies that background, fills the moving rectangles and pastes glyph cells. Painting RGB with Java2D
 * and converting it with swscale cost 3.6 ms a frame, more than both encoders' share; this costs a few tenths.
 *
 * <p>Only what changed since the last frame is repainted: the places the sweep, the box and the flash band left
 * and reached, and the cells of the characters that changed; each such region is restored from the background
 * and every layer is drawn again clipped to it, so the picture is exactly the one a whole repaint gives
 * ({@link #damage} lists the regions, for copying and scaling only those). Regions are aligned to 4 pixels: whole
 * chroma samples, also in a half-size copy.
 */
final class TestPattern {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private static final int BARS_HEIGHT = 480;
    private static final int FLASH_HEIGHT = 120;
    private static final int SWEEP_WIDTH = 12;
    private static final int BOX_SIZE = 80;
    private static final int PANEL_X = 110;
    private static final int PANEL_Y = 190;
    private static final int PANEL_WIDTH = 1060;
    private static final int PANEL_HEIGHT = 190;
    private static final int PANEL_ARC = 40;
    private static final int COUNTER_DIGITS_FROM = "frame ".length();
    private static final int[] BAR_COLOURS = {
        0xC0C0C0, 0xC0C000, 0x00C0C0, 0x00C000, 0xC000C0, 0xC00000, 0x0000C0};
    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;
    private static final int ORANGE = Color.ORANGE.getRGB() & 0xFFFFFF;
    private static final int FOOTER = 0x161616;

    private final byte[] y = new byte[WIDTH * HEIGHT];
    private final byte[] u = new byte[WIDTH / 2 * HEIGHT / 2];
    private final byte[] v = new byte[WIDTH / 2 * HEIGHT / 2];
    private final byte[] backgroundY = new byte[y.length];
    private final byte[] backgroundU = new byte[u.length];
    private final byte[] backgroundV = new byte[v.length];
    /** The rounded clock panel's extent per row (its corners are cut): first and end column, relative. */
    private final int[] panelFrom = new int[PANEL_HEIGHT];
    private final int[] panelTo = new int[PANEL_HEIGHT];
    private final GlyphCells clockGlyphs;
    private final GlyphCells counterGlyphs;
    private final char[] clock = "00:00:00.000".toCharArray();
    private final char[] counter = "frame 000000000".toCharArray();
    /** What the picture shows now: the text drawn and where the moving parts are; null before the first paint. */
    private char[] drawnClock;
    private char[] drawnCounter;
    private boolean drawnFlash;
    private int drawnSweepX;
    private int drawnBoxX;
    private int drawnBoxY;
    private boolean whole = true;
    private final java.util.List<Region> damage = new java.util.ArrayList<>();
    /** The region being repainted: drawing is clipped to it. */
    private int clipX0;
    private int clipY0;
    private int clipX1;
    private int clipY1;

    /** A repainted rectangle [x0, x1) × [y0, y1) of the full picture, its edges multiples of 4. */
    record Region(int x0, int y0, int x1, int y1) {

        static final int ALIGN = 4;

        /** The rectangle grown to multiples of {@link #ALIGN} and clipped to the picture; null if empty. */
        static Region around(int x, int y, int w, int h) {
            int x0 = Math.max(0, Math.floorDiv(x, ALIGN) * ALIGN);
            int y0 = Math.max(0, Math.floorDiv(y, ALIGN) * ALIGN);
            int x1 = Math.min(WIDTH, -Math.floorDiv(-(x + w), ALIGN) * ALIGN);
            int y1 = Math.min(HEIGHT, -Math.floorDiv(-(y + h), ALIGN) * ALIGN);
            return x0 < x1 && y0 < y1 ? new Region(x0, y0, x1, y1) : null;
        }
    }

    TestPattern(String streamName) {
        Font clockFont = new Font(Font.MONOSPACED, Font.BOLD, 132);
        Font labelFont = new Font(Font.MONOSPACED, Font.BOLD, 40);
        BufferedImage background = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = background.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintBackground(g, streamName, labelFont);
            clockGlyphs = new GlyphCells(clockFont, BLACK, 165, 330, "0123456789:.");
            counterGlyphs = new GlyphCells(labelFont, FOOTER, 60, 650, "0123456789");
        } finally {
            g.dispose();
        }
        Yuv.fromRgb(background, backgroundY, backgroundU, backgroundV);
        measurePanel();
    }

    byte[] lumaPlane() {
        return y;
    }

    byte[] cbPlane() {
        return u;
    }

    byte[] crPlane() {
        return v;
    }

    /**
     * @param localMsOfDay the frame's wall-clock time as milliseconds since local midnight
     * @param flash        whether this frame is stamped on a whole second
     */
    void paint(long frameIndex, long localMsOfDay, boolean flash) {
        int sweepX = (int) (localMsOfDay % 1000) * WIDTH / 1000;
        int boxX = bounce(frameIndex * 7, WIDTH - BOX_SIZE);
        int boxY = bounce(frameIndex * 5, HEIGHT - BOX_SIZE);
        writeClock(localMsOfDay);
        writeDigits(counter, COUNTER_DIGITS_FROM, 9, frameIndex);
        damage.clear();
        if (whole) {
            damage.add(new Region(0, 0, WIDTH, HEIGHT));
            whole = false;
        } else {
            if (flash || drawnFlash) {
                addDamage(0, 0, WIDTH, FLASH_HEIGHT);
            }
            if (sweepX != drawnSweepX) {
                addDamage(drawnSweepX, FLASH_HEIGHT, SWEEP_WIDTH, BARS_HEIGHT - FLASH_HEIGHT);
                addDamage(sweepX, FLASH_HEIGHT, SWEEP_WIDTH, BARS_HEIGHT - FLASH_HEIGHT);
            }
            if (boxX != drawnBoxX || boxY != drawnBoxY) {
                addDamage(drawnBoxX, drawnBoxY, BOX_SIZE, BOX_SIZE);
                addDamage(boxX, boxY, BOX_SIZE, BOX_SIZE);
            }
            clockGlyphs.addChanged(drawnClock, clock, 0, damage);
            counterGlyphs.addChanged(drawnCounter, counter, COUNTER_DIGITS_FROM, damage);
        }
        for (Region r : damage) {
            repaint(r, flash, sweepX, boxX, boxY);
        }
        drawnFlash = flash;
        drawnSweepX = sweepX;
        drawnBoxX = boxX;
        drawnBoxY = boxY;
        drawnClock = clock.clone();
        drawnCounter = counter.clone();
    }

    /** The regions the last {@link #paint} changed (the whole picture after the first, or after {@link #invalidate}). */
    java.util.List<Region> damage() {
        return damage;
    }

    /** Makes the next {@link #paint} repaint the whole picture. */
    void invalidate() {
        whole = true;
    }

    private void addDamage(int x, int top, int w, int h) {
        Region r = Region.around(x, top, w, h);
        if (r != null) {
            damage.add(r);
        }
    }

    /** Restores {@code r} from the background and draws every layer again, clipped to it. */
    private void repaint(Region r, boolean flash, int sweepX, int boxX, int boxY) {
        clipX0 = r.x0();
        clipY0 = r.y0();
        clipX1 = r.x1();
        clipY1 = r.y1();
        int w = r.x1() - r.x0();
        for (int row = r.y0(); row < r.y1(); row++) {
            System.arraycopy(backgroundY, row * WIDTH + r.x0(), y, row * WIDTH + r.x0(), w);
        }
        int chromaWidth = WIDTH / 2;
        for (int row = r.y0() / 2; row < r.y1() / 2; row++) {
            System.arraycopy(backgroundU, row * chromaWidth + r.x0() / 2, u, row * chromaWidth + r.x0() / 2, w / 2);
            System.arraycopy(backgroundV, row * chromaWidth + r.x0() / 2, v, row * chromaWidth + r.x0() / 2, w / 2);
        }
        if (flash) {
            fill(0, 0, WIDTH, FLASH_HEIGHT, WHITE);
        }
        fill(sweepX, FLASH_HEIGHT, SWEEP_WIDTH, BARS_HEIGHT - FLASH_HEIGHT, WHITE);
        fill(boxX, boxY, BOX_SIZE, BOX_SIZE, ORANGE);
        paintPanel();
        clockGlyphs.draw(y, clock, 0, r);
        counterGlyphs.draw(y, counter, COUNTER_DIGITS_FROM, r);
    }

    private static void paintBackground(Graphics2D g, String streamName, Font labelFont) {
        int barWidth = (WIDTH + BAR_COLOURS.length - 1) / BAR_COLOURS.length;
        for (int i = 0; i < BAR_COLOURS.length; i++) {
            g.setColor(new Color(BAR_COLOURS[i]));
            g.fillRect(i * barWidth, 0, barWidth, BARS_HEIGHT);
            g.setColor(new Color(BAR_COLOURS[BAR_COLOURS.length - 1 - i]));
            g.fillRect(i * barWidth, BARS_HEIGHT, barWidth, 40);
        }
        g.setColor(new Color(FOOTER));
        g.fillRect(0, BARS_HEIGHT + 40, WIDTH, HEIGHT - BARS_HEIGHT - 40);
        g.setColor(new Color(0xE0E0E0));
        g.setFont(labelFont);
        g.drawString(streamName, 60, 590);
        g.setColor(Color.WHITE);
        g.drawString("frame ", 60, 650);
        g.setColor(new Color(0x808080));
        g.drawString("Clipdesk test signal", 760, 650);
    }

    /** The panel is drawn over the moving parts each frame, so its rounded outline is kept as spans per row. */
    private void measurePanel() {
        BufferedImage mask = new BufferedImage(PANEL_WIDTH, PANEL_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRoundRect(0, 0, PANEL_WIDTH, PANEL_HEIGHT, PANEL_ARC, PANEL_ARC);
        g.dispose();
        for (int row = 0; row < PANEL_HEIGHT; row++) {
            int from = 0;
            while (from < PANEL_WIDTH && (mask.getRGB(from, row) & 0xFF) == 0) {
                from++;
            }
            int to = PANEL_WIDTH;
            while (to > from && (mask.getRGB(to - 1, row) & 0xFF) == 0) {
                to--;
            }
            panelFrom[row] = from;
            panelTo[row] = to;
        }
    }

    /** The panel, clipped to the region being repainted (whose edges are even, so chroma rows are whole). */
    private void paintPanel() {
        byte black = (byte) Yuv.luma(BLACK);
        byte neutral = (byte) 128;
        int fromRow = Math.max(0, clipY0 - PANEL_Y);
        int toRow = Math.min(PANEL_HEIGHT, clipY1 - PANEL_Y);
        for (int row = fromRow; row < toRow; row++) {
            int start = (PANEL_Y + row) * WIDTH;
            int from = Math.max(clipX0, PANEL_X + panelFrom[row]);
            int to = Math.min(clipX1, PANEL_X + panelTo[row]);
            if (from < to) {
                java.util.Arrays.fill(y, start + from, start + to, black);
            }
            if (row % 2 == 0) {
                int chromaStart = (PANEL_Y + row) / 2 * (WIDTH / 2);
                int chromaFrom = Math.max(clipX0 / 2, (PANEL_X + panelFrom[row]) / 2);
                int chromaTo = Math.min(clipX1 / 2, (PANEL_X + panelTo[row] + 1) / 2);
                if (chromaFrom < chromaTo) {
                    java.util.Arrays.fill(u, chromaStart + chromaFrom, chromaStart + chromaTo, neutral);
                    java.util.Arrays.fill(v, chromaStart + chromaFrom, chromaStart + chromaTo, neutral);
                }
            }
        }
    }

    /**
     * A solid rectangle, clipped to the picture and the region being repainted; chroma covers every 2x2 block
     * the rectangle touches.
     */
    private void fill(int x, int top, int w, int h, int rgb) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(WIDTH, x + w);
        int y0 = Math.max(0, top);
        int y1 = Math.min(HEIGHT, top + h);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        byte luma = (byte) Yuv.luma(rgb);
        byte cb = (byte) Yuv.cb(rgb);
        byte cr = (byte) Yuv.cr(rgb);
        int lumaFrom = Math.max(x0, clipX0);
        int lumaTo = Math.min(x1, clipX1);
        if (lumaFrom < lumaTo) {
            for (int row = Math.max(y0, clipY0); row < Math.min(y1, clipY1); row++) {
                java.util.Arrays.fill(y, row * WIDTH + lumaFrom, row * WIDTH + lumaTo, luma);
            }
        }
        int chromaWidth = WIDTH / 2;
        int chromaFrom = Math.max(x0 / 2, clipX0 / 2);
        int chromaTo = Math.min((x1 + 1) / 2, clipX1 / 2);
        if (chromaFrom < chromaTo) {
            for (int row = Math.max(y0 / 2, clipY0 / 2); row < Math.min((y1 + 1) / 2, clipY1 / 2); row++) {
                java.util.Arrays.fill(u, row * chromaWidth + chromaFrom, row * chromaWidth + chromaTo, cb);
                java.util.Arrays.fill(v, row * chromaWidth + chromaFrom, row * chromaWidth + chromaTo, cr);
            }
        }
    }

    private void writeClock(long localMsOfDay) {
        long s = localMsOfDay / 1000;
        writeDigits(clock, 0, 2, s / 3600);
        writeDigits(clock, 3, 2, s / 60 % 60);
        writeDigits(clock, 6, 2, s % 60);
        writeDigits(clock, 9, 3, localMsOfDay % 1000);
    }

    private static void writeDigits(char[] target, int from, int count, long value) {
        for (int i = from + count - 1; i >= from; i--) {
            target[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A triangle wave: 0 → max → 0, one pixel per step. */
    private static int bounce(long steps, int max) {
        int phase = (int) (steps % (2L * max));
        return phase <= max ? phase : 2 * max - phase;
    }
}
