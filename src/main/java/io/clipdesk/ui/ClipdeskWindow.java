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

import java.util.List;
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
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement placement = WindowPlacement.load(engine.settings()).map(p -> p.onto(screens))
                .orElseGet(() -> WindowPlacement.fitting(screen));
        desk.sideSplitProperty().set(placement.sideSplit());
        Scene scene = new Scene(desk, placement.width(), placement.height());
        scene.getStylesheets().add(Objects.requireNonNull(ClipdeskWindow.class.getResource(STYLESHEET),
                "the theme " + STYLESHEET + " is not on the classpath").toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ClipsPanel.class.getResource(ClipsPanel.STYLESHEET),
                ClipsPanel.STYLESHEET + " is not on the classpath").toExternalForm());
        stage.setTitle("Clipdesk");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, screen.getHeight()));
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setMaximized(placement.maximized());
        stage.setOnHidden(e -> {
            keep(stage, desk, engine);
            desk.close();
        });
        stage.show();
        if (desk.desk() != null) {
            desk.desk().requestFocus(); // keys drive the desk; the name field gets focus only when clicked
        }
        return desk;
    }

    /** Stores where the window is now, for the next run (also called when it closes). */
    public static void keep(Stage stage, StreamDesk desk, ClipEngine engine) {
        WindowPlacement now = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), desk.sideSplitProperty().get());
        now.save(engine.settings());
    }
}
