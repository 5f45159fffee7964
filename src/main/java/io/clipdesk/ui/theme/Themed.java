package io.clipdesk.ui.theme;

import javafx.scene.control.DialogPane;

import java.util.List;
import java.util.Objects;

/**
 * Dialogs open in their own scene, which does not inherit the window's stylesheets: each one is given the app's
 * dark theme here, so no dialog flashes the light default inside the dark app.
 */
public final class Themed {

    /** The app's dark theme, for the window and every dialog. */
    public static final String STYLESHEET = "/assets/css/clipdesk.css";

    private Themed() {
    }

    /** The app's stylesheets (the window's, or the theme itself when there is no window yet) on {@code pane}. */
    public static void apply(DialogPane pane, List<String> windowStylesheets) {
        List<String> sheets = windowStylesheets.isEmpty() ? List.of(
                Objects.requireNonNull(Themed.class.getResource(STYLESHEET)).toExternalForm())
                : windowStylesheets;
        pane.getStylesheets().setAll(sheets);
        if (!pane.getStyleClass().contains("clipdesk")) {
            pane.getStyleClass().add("clipdesk");
        }
    }
}
