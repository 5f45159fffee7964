package io.clipdesk.app;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.ApiKeyStore;
import io.clipdesk.api.ApiServer;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.DataLayout;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.media.FfmpegFrameDecoder;
import io.clipdesk.ui.ClipdeskWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop app: the embedded engine, its REST API on loopback (the clip previews play its HLS and MP4 over
 * http, and scripts on this machine can use it), and the window.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());

    private ClipEngine engine;
    private ApiServer server;

    static void launchWith(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        try {
            HeadlessOptions options = HeadlessOptions.parse(args.toArray(String[]::new), System.getenv(),
                    Path.of(System.getProperty("user.home")));
            // The desktop's API listens on a free port unless one is asked for, so it never clashes with a server.
            int port = args.stream().anyMatch(a -> a.startsWith("--port")) ? options.port() : 0;
            Path dataDir = options.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            engine = Engines.open(EngineConfig.defaults(new DataLayout(dataDir))
                    .withDiskReserve(options.diskReserve()), Clock.systemUTC());
            ApiKeyStore keys = new ApiKeyStore(dataDir, new SecureRandom());
            server = ApiServer.start(ApiConfig.of(options.bind(), port, keys.loadOrCreate().key()),
                    ApiBackend.of(engine));
            for (int size : new int[] {16, 32, 64, 256}) {
                var icon = DesktopApp.class.getResource("/assets/icons/clipdesk-" + size + ".png");
                if (icon != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
                }
            }
            ClipdeskWindow.show(stage, new EmbeddedDesk(engine, server.baseUrl()), new FfmpegFrameDecoder());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Clipdesk could not start", e);
            Alert alert = new Alert(Alert.AlertType.ERROR, "Clipdesk could not start:\n" + e.getMessage()
                    + "\n\nArguments: " + Arrays.toString(args.toArray()));
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
