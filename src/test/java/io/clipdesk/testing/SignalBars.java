package io.clipdesk.testing;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which of the test signal's top colour bars a reframed picture shows in its middle column. The pattern's bars are
 * 183 px wide in 1280: grey, yellow, cyan, green, magenta, red, blue from the left.
 */
public final class SignalBars {

    public static final int YELLOW = 0xC0C000;
    public static final int GREEN = 0x00C000;
    public static final int RED = 0xC00000;
    private static final int ORANGE = 0xFFC800;

    private SignalBars() {
    }

    /**
     * The first picture's centre column at two heights inside the top bars (source rows 140 and 460 of 720, clear of
     * the flash band and the black clock box): each is the bar's colour or the bouncing orange box (80 px, so it can
     * hide one of them, never both).
     */
    public static void assertMiddleBar(Path mp4, int width, int height, int expected) throws IOException,
            InterruptedException {
        byte[] rgb = firstPicture(mp4, width, height);
        int matches = 0;
        for (int sourceRow : new int[] {140, 460}) {
            int y = sourceRow * height / 720;
            int i = (y * width + width / 2) * 3;
            int colour = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            if (near(colour, expected)) {
                matches++;
            } else {
                assertTrue(near(colour, ORANGE), String.format("row %d is #%06x, expected #%06x (or the orange box)",
                        sourceRow, colour, expected));
            }
        }
        assertTrue(matches >= 1, String.format("neither sample is #%06x", expected));
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }

    private static byte[] firstPicture(Path mp4, int width, int height) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", mp4.toString(), "-frames:v", "1", "-f",
                "rawvideo", "-pix_fmt", "rgb24", "pipe:1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] rgb = ffmpeg.getInputStream().readAllBytes();
        assertEquals(0, ffmpeg.waitFor());
        assertEquals(width * height * 3, rgb.length);
        return rgb;
    }
}
