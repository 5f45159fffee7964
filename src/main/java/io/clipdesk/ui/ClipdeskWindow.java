package io.clipdesk.ui;

import io.clipdesk.engine.ClipEngine;
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

    /** {@link #show(Stage, ClipEngine, FrameDecoder, String, DesktopShell)} with the system clipboard. */
    public static StreamDesk show(Stage stage, ClipEngine engine, FrameDecoder decoder, String engineAddress) {
        return show(stage, engine, decoder, engineAddress, new DefaultDesktopShell());
    }

    /**
     * Fills {@code stage} with every stream of {@code engine} (the first one shown) and shows it. Closing the stage
     * stops the players and the UI's engine calls; the caller still owns (and closes) the engine.
     *
     * @param engineAddress the engine's HTTP base URL (clip previews and push URLs use it), or "embedded"
     */
    public static StreamDesk show(Stage stage, ClipEngine engine, FrameDecoder decoder, String engineAddress,
                                  DesktopShell shell) {
        StreamDesk desk = new StreamDesk(engine, decoder, engineAddress, shell);
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
