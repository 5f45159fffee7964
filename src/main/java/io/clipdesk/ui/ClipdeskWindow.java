package io.clipdesk.ui;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.FrameDecoder;
import io.clipdesk.ui.clips.ClipsPanel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Objects;

/** The desktop window: the main view in a dark-themed scene. The composition root calls {@link #show}. */
public final class ClipdeskWindow {

    public static final String STYLESHEET = "/assets/css/clipdesk.css";

    private ClipdeskWindow() {
    }

    /**
     * Fills {@code stage} with the main view of {@code engine}'s first stream and shows it. Closing the stage
     * stops the player and the UI's engine calls; the caller still owns (and closes) the engine.
     *
     * @param engineAddress shown in the status bar, e.g. "http://127.0.0.1:8080" or "embedded"
     */
    public static MainView show(Stage stage, ClipEngine engine, FrameDecoder decoder, String engineAddress) {
        MainView view = new MainView(engine, decoder);
        view.setEngineAddress(engineAddress);
        ClipsPanel clips = ClipsPanel.of(engine, view.viewModel().streamProperty().get().id(), engineAddress);
        view.setRight(clips); // the clips column, over the desk's whole height
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(ClipdeskWindow.class.getResource(STYLESHEET),
                "the theme " + STYLESHEET + " is not on the classpath").toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ClipsPanel.class.getResource(ClipsPanel.STYLESHEET),
                ClipsPanel.STYLESHEET + " is not on the classpath").toExternalForm());
        stage.setTitle("Clipdesk");
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            clips.close();
            view.close();
        });
        stage.show();
        view.requestFocus(); // keys drive the desk; the name field gets focus only when clicked
        return view;
    }
}
