package io.clipdesk.media.thumbnail;

import io.clipdesk.engine.MediaException;
import io.clipdesk.media.DurableFile;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps a small copy of a segment's first frame and writes it as the segment's JPEG thumbnail. */
public final class Thumbnailer {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 90;

    private final BufferedImage thumbnail = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = thumbnail.createGraphics();

    public Thumbnailer() {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    public void capture(BufferedImage frame) {
        g.drawImage(frame, 0, 0, WIDTH, HEIGHT, null);
    }

    /** Writes the last captured frame to a new fsynced file in {@code dir}. */
    public Path write(Path dir, String prefix) {
        Path file = null;
        try {
            file = Files.createTempFile(dir, prefix, ".jpg");
            if (!ImageIO.write(thumbnail, "jpg", file.toFile())) {
                throw new MediaException("no JPEG writer in this Java runtime");
            }
            DurableFile.sync(file);
            return file;
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                file.toFile().delete();
            }
            throw e instanceof MediaException m ? m : new MediaException("cannot write a thumbnail: " + e.getMessage(), e);
        }
    }
}
