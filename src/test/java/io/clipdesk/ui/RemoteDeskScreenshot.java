package io.clipdesk.ui;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The README's remote-desk screenshot: a headless server on loopback (test signal, 2 s segments, real clock) where
 * "Bo" has made a clip by script, and a desk driving it as "Ana"; after a while, a PNG of the window.
 * {@code java ... io.clipdesk.ui.RemoteDeskScreenshot DATA_DIR WIDTH HEIGHT SECONDS OUT.png}
 */
public final class RemoteDeskScreenshot {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The JavaFX application; kept apart so the launcher class itself needs no JavaFX module setup. */
    public static final class Window extends Application {

        private HeadlessServer server;
        private RemoteDesk remote;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> a = getParameters().getRaw();
            Path data = Path.of(a.get(0));
            server = HeadlessServer.start(HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
                data.toString()}, Map.of(), data), Engines::open, Clock.systemUTC(), 2000,
                    new PrintStream(new ByteArrayOutputStream()));
            Thread.sleep(16_000);
            long startS = server.engine().streams().state(1).window().startMs() / 1000 + 2;
            server.engine().clips().create(ClipRequest.of(1, startS, 6).withName("Kick-off")
                    .withDescription(new ClipDescription("Opening whistle", List.of("kickoff"), "Bo")));
            remote = RemoteDesk.connect(server.baseUrl(), Files.readString(data.resolve("api-key")).strip(), "Ana",
                    Clock.systemUTC(), data.resolve("desk-settings.properties"));
            ClipdeskWindow.show(stage, remote, new FfmpegFrameDecoder());
            stage.setWidth(Integer.parseInt(a.get(1)));
            stage.setHeight(Integer.parseInt(a.get(2)));
            PauseTransition wait = new PauseTransition(Duration.seconds(Integer.parseInt(a.get(3))));
            wait.setOnFinished(e -> {
                write(stage.getScene().snapshot(null), Path.of(a.get(4)));
                Platform.exit();
            });
            wait.play();
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
            if (remote != null) {
                remote.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }
}
