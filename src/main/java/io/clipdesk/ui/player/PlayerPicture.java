package io.clipdesk.ui.player;

import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The player's picture as an {@link Image} over a {@link PixelBuffer}: the newest decoded frame is copied in
 * on the FX thread and only the pixels are re-uploaded, no new image per frame. FX thread only.
 */
public final class PlayerPicture {

    private final IntBuffer pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private final FrameExchange exchange;
    private long framesShown;

    PlayerPicture(FrameExchange exchange) {
        this.exchange = exchange;
        int w = exchange.width();
        int h = exchange.height();
        this.pixels = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.buffer = new PixelBuffer<>(w, h, pixels, PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
    }

    public PlayerPicture(DvrPlayer player) {
        this(player.exchange());
    }

    public Image image() {
        return image;
    }

    /** Shows the newest decoded frame, if one came since the last call; returns its wall-clock ms or -1. */
    public long present() {
        if (!exchange.take()) {
            return -1;
        }
        buffer.updateBuffer(b -> {
            pixels.put(0, exchange.shown());
            return null;
        });
        framesShown++;
        return exchange.shownFrameMs();
    }

    public long framesShown() {
        return framesShown;
    }
}
