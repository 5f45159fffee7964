package io.clipdesk.media.testsignal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * White characters of one monospaced font on a grey, pre-rendered once as luma cells one advance wide plus a
 * margin each side for strokes that overhang it. Text on a neutral grey changes luma only; cells are pasted
 * with max(), since overlapping margins and the background are darker than any stroke.
 */
final class GlyphCells {

    private final int originX;
    private final int top;
    private final int advance;
    private final int margin;
    private final int cellWidth;
    private final int height;
    private final byte[][] cells = new byte[128][];

    GlyphCells(Font font, int backgroundRgb, int originX, int baseline, String characters) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(font);
        pg.dispose();
        this.advance = metrics.charWidth('0');
        this.margin = advance / 4;
        this.cellWidth = advance + 2 * margin;
        this.height = metrics.getAscent() + metrics.getDescent();
        this.originX = originX;
        this.top = baseline - metrics.getAscent();
        for (char c : characters.toCharArray()) {
            BufferedImage cell = new BufferedImage(cellWidth, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = cell.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(backgroundRgb));
            g.fillRect(0, 0, cellWidth, height);
            g.setColor(Color.WHITE);
            g.setFont(font);
            g.drawChars(new char[] {c}, 0, 1, margin, metrics.getAscent());
            g.dispose();
            byte[] luma = new byte[cellWidth * height];
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < cellWidth; col++) {
                    luma[row * cellWidth + col] = (byte) Yuv.luma(cell.getRGB(col, row));
                }
            }
            cells[c] = luma;
        }
    }

    /**
     * Pastes {@code text[from…]} at its place on the line (character i at origin + i advances), clipped to
     * the region being repainted.
     */
    void draw(byte[] lumaPlane, char[] text, int from, TestPattern.Region clip) {
        int rowFrom = Math.max(0, clip.y0() - top);
        int rowTo = Math.min(height, clip.y1() - top);
        for (int i = from; i < text.length; i++) {
            byte[] cell = cells[text[i]];
            int left = originX + i * advance - margin;
            int colFrom = Math.max(0, clip.x0() - left);
            int colTo = Math.min(cellWidth, clip.x1() - left);
            for (int row = rowFrom; row < rowTo; row++) {
                int target = (top + row) * TestPattern.WIDTH + left;
                int source = row * cellWidth;
                for (int col = colFrom; col < colTo; col++) {
                    int glyph = cell[source + col] & 0xFF;
                    if (glyph > (lumaPlane[target + col] & 0xFF)) {
                        lumaPlane[target + col] = (byte) glyph;
                    }
                }
            }
        }
    }

    /** Adds to {@code damage} the cell of each character of {@code text[from…]} that differs from {@code drawn}. */
    void addChanged(char[] drawn, char[] text, int from, List<TestPattern.Region> damage) {
        for (int i = from; i < text.length; i++) {
            if (drawn == null || drawn[i] != text[i]) {
                TestPattern.Region r = TestPattern.Region.around(originX + i * advance - margin, top, cellWidth,
                        height);
                if (r != null) {
                    damage.add(r);
                }
            }
        }
    }
}
