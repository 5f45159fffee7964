package io.clipdesk.ui.player;

import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The player's picture as an {@link Image} over a {@link PixelBuffer}: the newest picture due is copied in on
 * the FX thread and only the pixels are re-uploaded, no new image per frame. Due means heard: a picture that
 * follows the sound is taken on the first pulse whose sound (half a pulse on) has reached its time, so it is
 * drawn within half a pulse of its sound. FX thread only.
 */
public final class PlayerPicture {

    private final IntBuffer pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    /** Half a 60 Hz pulse: a picture is taken on the pulse nearest its sound, early or late. */
    private static final long HALF_PULSE_NANOS = 8_000_000;

    private final FrameExchange exchange;
    private final PlayerSound sound;
    private long framesShown;

    PlayerPicture(FrameExchange exchange, PlayerSound sound) {
        this.exchange = exchange;
        this.sound = sound;
        int w = exchange.width();
        int h = exchange.height();
        this.pixels = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.buffer = new PixelBuffer<>(w, h, pixels, PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
    }

    public PlayerPicture(DvrPlayer player) {
        this(player.exchange(), player.sound());
    }

    public Image image() {
        return image;
    }

    /** Shows the newest picture due, if one came since the last call; returns its wall-clock ms or -1. */
    public long present() {
        long heard = sound.mediaMsAt(System.nanoTime() + HALF_PULSE_NANOS);
        boolean follows = heard != PlayerCommand.NONE && heard != PlayerSound.STARTING;
        if (!exchange.take(follows ? heard : Long.MAX_VALUE)) {
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
