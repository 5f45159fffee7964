package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.ui.desk.KeyMapDialog;
import io.clipdesk.ui.timeline.Marks;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs the desk on a real engine with the real clock (test signal, 2 s segments) at a given window size and, after
 * a while, writes a PNG of the window: the README's screenshots, made under Xvfb.
 * {@code java ... io.clipdesk.ui.DeskScreenshot DATA_DIR WIDTH HEIGHT SECONDS OUT.png [keymap]}: with {@code keymap}, the
 * key-map sheet over the desk instead. Before the shot the desk gets two clips and a marked range, as at work.
 */
public final class DeskScreenshot {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The JavaFX application; kept apart so the launcher class itself needs no JavaFX module setup. */
    public static final class Window extends Application {

        private ClipEngine engine;

        @Override
        public void start(Stage stage) {
            var a = getParameters().getRaw();
            engine = Engines.open(Path.of(a.get(0)), Clock.systemDefaultZone(), 2000);
            StreamDesk desk = ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded · no HTTP"), new FfmpegFrameDecoder());
            stage.setWidth(Integer.parseInt(a.get(1)));
            stage.setHeight(Integer.parseInt(a.get(2)));
            PauseTransition wait = new PauseTransition(Duration.seconds(Integer.parseInt(a.get(3))));
            // Taken on a beep (just after a whole second of the picture), so the meters show the test tone.
            AnimationTimer onBeep = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long intoSecondMs = Math.floorMod(desk.desk().viewModel().playback().getPositionMs(), 1000);
                    if (intoSecondMs >= 60 && intoSecondMs <= 100) {
                        stop();
                        write(stage.getScene().snapshot(null), Path.of(a.get(4)));
                        Platform.exit();
                    }
                }
            };
            boolean keyMap = a.size() > 5 && a.get(5).equals("keymap");
            wait.setOnFinished(e -> {
                stageTheDesk(desk);
                if (keyMap) {
                    KeyMapDialog sheet = new KeyMapDialog(stage, List.copyOf(stage.getScene().getStylesheets()));
                    sheet.show();
                    PauseTransition shown = new PauseTransition(Duration.seconds(1));
                    shown.setOnFinished(done -> {
                        write(sheet.getDialogPane().getScene().snapshot(null), Path.of(a.get(4)));
                        Platform.exit();
                    });
                    shown.play();
                } else {
                    onBeep.start();
                }
            });
            wait.play();
        }

        /** Two clips in the list (one selected) and a marked range on the timeline, as at work. */
        private void stageTheDesk(StreamDesk desk) {
            long pictureMs = desk.desk().viewModel().playback().getPositionMs();
            long stream = desk.desk().viewModel().streamProperty().get().id();
            engine.clips().create(ClipRequest.of(stream, pictureMs / 1000 - 40, 12).withName("Kick-off")
                    .withDescription(ClipDescription.EMPTY.withTags(List.of("Goal"))));
            engine.clips().create(ClipRequest.of(stream, pictureMs / 1000 - 20, 8).withName("Interview, coach"));
            desk.desk().viewModel().form().editMarks(new Marks(pictureMs - 9_480, pictureMs - 3_120));
        }

        private static void write(WritableImage shot, Path out) {
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            PixelReader r = shot.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, r.getArgb(x, y));
                }
            }
            try {
                ImageIO.write(image, "png", out.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            // The desk saves its window placement as its window goes: before the engine's store closes.
            List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
            engine.close();
        }
    }
}
