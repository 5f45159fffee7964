package io.clipdesk.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The test signal's picture at 1280x720: colour bars, a bar sweeping once a second, a bouncing box, the frame's
 * local wall-clock time, a frame counter and the stream name, and a bright band on every whole second (the
 * moment {@link TestTone} beeps). One image and one Graphics2D are reused: a frame allocates nothing.
 */
final class TestPattern {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private static final int BARS_HEIGHT = 480;
    private static final int FLASH_HEIGHT = 120;
    private static final int BOX_SIZE = 80;
    private static final int[] BAR_COLOURS = {
        0xC0C0C0, 0xC0C000, 0x00C0C0, 0x00C000, 0xC000C0, 0xC00000, 0x0000C0};

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    private final int[] background = new int[WIDTH * HEIGHT];
    private final Graphics2D g = image.createGraphics();
    private final Font clockFont = new Font(Font.MONOSPACED, Font.BOLD, 132);
    private final Font labelFont = new Font(Font.MONOSPACED, Font.BOLD, 40);
    private final char[] clock = "00:00:00.000".toCharArray();
    private final char[] counter = "frame 000000000".toCharArray();

    TestPattern(String streamName) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paintBackground(streamName);
        image.getRaster().getDataElements(0, 0, WIDTH, HEIGHT, background);
    }

    /** The last painted frame; valid until the next {@link #paint}. */
    BufferedImage image() {
        return image;
    }

    /** Packed 0x00RRGGBB pixels of {@link #image()}, row by row (BGRA bytes in little-endian memory, alpha unused). */
    int[] pixels() {
        return pixels;
    }

    /**
     * @param localMsOfDay the frame's wall-clock time as milliseconds since local midnight
     * @param flash        whether this frame is stamped on a whole second
     */
    void paint(long frameIndex, long localMsOfDay, boolean flash) {
        System.arraycopy(background, 0, pixels, 0, pixels.length);
        int msOfSecond = (int) (localMsOfDay % 1000);
        if (flash) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, FLASH_HEIGHT);
        }
        g.setColor(Color.WHITE);
        g.fillRect(msOfSecond * WIDTH / 1000, FLASH_HEIGHT, 12, BARS_HEIGHT - FLASH_HEIGHT);
        g.setColor(Color.ORANGE);
        g.fillRect(bounce(frameIndex * 7, WIDTH - BOX_SIZE), bounce(frameIndex * 5, HEIGHT - BOX_SIZE),
                BOX_SIZE, BOX_SIZE);

        g.setColor(Color.BLACK);
        g.fillRoundRect(110, 190, 1060, 190, 40, 40);
        writeClock(localMsOfDay);
        g.setColor(Color.WHITE);
        g.setFont(clockFont);
        g.drawChars(clock, 0, clock.length, 165, 330);
        writeDigits(counter, 6, 9, frameIndex);
        g.setFont(labelFont);
        g.drawChars(counter, 0, counter.length, 60, 650);
    }

    private void paintBackground(String streamName) {
        int barWidth = (WIDTH + BAR_COLOURS.length - 1) / BAR_COLOURS.length;
        for (int i = 0; i < BAR_COLOURS.length; i++) {
            g.setColor(new Color(BAR_COLOURS[i]));
            g.fillRect(i * barWidth, 0, barWidth, BARS_HEIGHT);
            g.setColor(new Color(BAR_COLOURS[BAR_COLOURS.length - 1 - i]));
            g.fillRect(i * barWidth, BARS_HEIGHT, barWidth, 40);
        }
        g.setColor(new Color(0x161616));
        g.fillRect(0, BARS_HEIGHT + 40, WIDTH, HEIGHT - BARS_HEIGHT - 40);
        g.setColor(new Color(0xE0E0E0));
        g.setFont(labelFont);
        g.drawString(streamName, 60, 590);
        g.setColor(new Color(0x808080));
        g.drawString("Clipdesk test signal", 760, 650);
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
