package io.clipdesk.app;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskSwitch;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.ui.ClipdeskWindow;
import io.clipdesk.ui.clips.DefaultDesktopShell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop app: the window on the embedded engine with its REST API on loopback (the clip previews play its HLS
 * and MP4 over http, and scripts on this machine can use it), or with {@code --server} on a remote server and no
 * engine at all; "Connect…" switches between them.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = Logger.getLogger(DesktopApp.class.getName());

    private DeskSessions sessions;

    static void launchWith(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        try {
            DeskOptions desk = DeskOptions.parse(args.toArray(String[]::new), System.getenv(),
                    System.getProperty("user.name", ""));
            String[] engineArgs = desk.engineArgs().toArray(String[]::new);
            Path home = Path.of(System.getProperty("user.home"));
            HeadlessOptions options = HeadlessOptions.parse(engineArgs, System.getenv(), home);
            // The desktop's API listens on a free port unless one is asked for, so it never clashes with a server.
            int port = desk.engineArgs().stream().anyMatch(a -> a.startsWith("--port")) ? options.port() : 0;
            Path config = RecentServers.defaultFile(System.getenv(), home);
            sessions = new DeskSessions(new DeskSessions.Local(options.dataDir(), options.bind(), port,
                    options.diskReserve()), new RecentServers(config),
                    config.resolveSibling("desk-settings.properties"), desk.editor(), Clock.systemUTC());
            // With --server the desk runs no engine and keeps no DVR: everything comes from the server.
            DeskBackend shown = desk.remote().map(r -> sessions.connect(new DeskSwitch.ServerLogin(r.url(), r.apiKey(),
                    desk.editor()))).orElseGet(sessions::local);
            for (int size : new int[] {16, 32, 64, 256}) {
                var icon = DesktopApp.class.getResource("/assets/icons/clipdesk-" + size + ".png");
                if (icon != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
                }
            }
            ClipdeskWindow.show(stage, shown, new FfmpegFrameDecoder(), new DefaultDesktopShell(), sessions);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Clipdesk could not start", e);
            Alert alert = new Alert(Alert.AlertType.ERROR, "Clipdesk could not start:\n" + e.getMessage()
                    + "\n\nArguments: " + Arrays.toString(redacted(args)));
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
        }
    }

    /** The arguments as said back to the editor, without the API key. */
    private static String[] redacted(List<String> args) {
        String[] shown = args.toArray(String[]::new);
        for (int i = 0; i < shown.length; i++) {
            if (shown[i].startsWith("--api-key=")) {
                shown[i] = "--api-key=…";
            } else if (shown[i].equals("--api-key") && i + 1 < shown.length) {
                shown[++i] = "…";
            }
        }
        return shown;
    }

    @Override
    public void stop() {
        if (sessions != null) {
            sessions.close(); // the local engine and its API, if one ran
        }
    }
}
