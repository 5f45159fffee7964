package io.clipdesk.bench;

import io.clipdesk.app.Main;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Window;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The desk as a user starts it ({@link Main} with a data dir), for {@link DeskBench}'s child process, plus a probe
 * that once a second reads the wall-clock time the test signal burns into the picture on screen and prints
 * {@code latency <ms>}: the wall clock now minus the time shown, glass to desk. The clock is read by matching
 * each digit cell against the digits drawn in the test signal's font at its place (165, 330 in 1280x720).
 */
public final class DeskChild {

    private static final int CLOCK_X = 165;
    private static final int CLOCK_BASELINE = 330;
    private static final int[] DIGIT_POSITIONS = {0, 1, 3, 4, 6, 7, 9, 10, 11};
    private static final int STEP = 3;

    private final int advance;
    private final int top;
    private final int height;
    private final int[][] digits = new int[10][];

    private DeskChild() {
        Font font = new Font(Font.MONOSPACED, Font.BOLD, 132);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(font);
        pg.dispose();
        advance = metrics.charWidth('0');
        top = CLOCK_BASELINE - metrics.getAscent();
        height = metrics.getAscent() + metrics.getDescent();
        for (int d = 0; d < 10; d++) {
            BufferedImage cell = new BufferedImage(advance, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = cell.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(font);
            g.drawString(Integer.toString(d), 0, metrics.getAscent());
            g.dispose();
            digits[d] = new int[advance * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < advance; x++) {
                    digits[d][y * advance + x] = cell.getRGB(x, y) & 0xFF;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        DeskChild reader = new DeskChild();
        Thread probe = new Thread(reader::probe, "bench-probe");
        probe.setDaemon(true);
        probe.start();
        Main.main(args);
    }

    private void probe() {
        while (true) {
            try {
                Thread.sleep(1000);
                CompletableFuture<Long> shown = new CompletableFuture<>();
                Platform.runLater(() -> shown.complete(readClock(largestPicture())));
                long msOfDay = shown.get(5, TimeUnit.SECONDS);
                long nowMsOfDay = Math.floorMod(System.currentTimeMillis(), 86_400_000L);
                if (msOfDay >= 0) {
                    long latency = Math.floorMod(nowMsOfDay - msOfDay + 43_200_000L, 86_400_000L) - 43_200_000L;
                    System.out.println("latency " + latency);
                } else {
                    System.out.println("latency unreadable");
                }
            } catch (IllegalStateException notYet) {
                // JavaFX is not up yet.
            } catch (Exception e) {
                System.out.println("latency unreadable " + e);
            }
        }
    }

    /** The biggest picture any window shows: the player's (thumbnails and icons are far smaller). */
    private static Image largestPicture() {
        Image best = null;
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                best = larger(best, w.getScene().getRoot());
            }
        }
        return best;
    }

    private static Image larger(Image best, Node node) {
        if (node instanceof ImageView view && view.getImage() != null) {
            Image image = view.getImage();
            if (best == null || image.getWidth() * image.getHeight() > best.getWidth() * best.getHeight()) {
                best = image;
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                best = larger(best, child);
            }
        }
        return best;
    }

    /** The UTC time of day shown (ms), or -1 when the picture holds no readable test-signal clock. */
    private long readClock(Image image) {
        if (image == null || image.getWidth() < 320) {
            return -1;
        }
        PixelReader pixels = image.getPixelReader();
        double scale = image.getWidth() / 1280.0;
        int[] value = new int[DIGIT_POSITIONS.length];
        for (int i = 0; i < DIGIT_POSITIONS.length; i++) {
            int left = CLOCK_X + DIGIT_POSITIONS[i] * advance;
            double bestScore = Double.MAX_VALUE;
            int samples = 0;
            for (int d = 0; d < 10; d++) {
                double score = 0;
                samples = 0;
                for (int y = 0; y < height; y += STEP) {
                    for (int x = 0; x < advance; x += STEP) {
                        int argb = pixels.getArgb((int) ((left + x) * scale), (int) ((top + y) * scale));
                        int luma = ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
                        score += Math.abs(luma - digits[d][y * advance + x]);
                        samples++;
                    }
                }
                if (score < bestScore) {
                    bestScore = score;
                    value[i] = d;
                }
            }
            if (bestScore / samples > 40) {
                return -1;
            }
        }
        long h = value[0] * 10L + value[1];
        long m = value[2] * 10L + value[3];
        long s = value[4] * 10L + value[5];
        long ms = value[6] * 100L + value[7] * 10L + value[8];
        return ((h * 60 + m) * 60 + s) * 1000 + ms;
    }
}
