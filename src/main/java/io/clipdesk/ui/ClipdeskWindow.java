package io.clipdesk.ui;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.FrameDecoder;
import io.clipdesk.ui.clips.ClipsPanel;
import io.clipdesk.ui.clips.DefaultDesktopShell;
import io.clipdesk.ui.clips.DesktopShell;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Objects;

/** The desktop window: the stream switcher and the chosen stream's desk in a dark-themed scene. */
public final class ClipdeskWindow {

    public static final String STYLESHEET = "/assets/css/clipdesk.css";

    private ClipdeskWindow() {
    }

    /** {@link #show(Stage, DeskBackend, FrameDecoder, DesktopShell)} with the system clipboard. */
    public static StreamDesk show(Stage stage, DeskBackend engine, FrameDecoder decoder) {
        return show(stage, engine, decoder, new DefaultDesktopShell());
    }

    /**
     * Fills {@code stage} with every stream of {@code engine} (the first one shown) and shows it. Closing the stage
     * stops the players and the UI's engine calls; the caller still owns (and closes) the backend.
     */
    public static StreamDesk show(Stage stage, DeskBackend engine, FrameDecoder decoder, DesktopShell shell) {
        StreamDesk desk = new StreamDesk(engine, decoder, shell);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(desk, Math.min(1600, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(ClipdeskWindow.class.getResource(STYLESHEET),
                "the theme " + STYLESHEET + " is not on the classpath").toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ClipsPanel.class.getResource(ClipsPanel.STYLESHEET),
                ClipsPanel.STYLESHEET + " is not on the classpath").toExternalForm());
        stage.setTitle("Clipdesk");
        stage.setScene(scene);
        stage.setOnHidden(e -> desk.close());
        stage.show();
        if (desk.desk() != null) {
            desk.desk().requestFocus(); // keys drive the desk; the name field gets focus only when clicked
        }
        return desk;
    }
}
