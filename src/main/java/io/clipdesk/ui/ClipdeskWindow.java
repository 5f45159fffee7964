package io.clipdesk.ui;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskSwitch;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.ui.clips.ClipsPanel;
import io.clipdesk.ui.clips.DefaultDesktopShell;
import io.clipdesk.ui.clips.DesktopShell;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.theme.Themed;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/**
 * The desktop window: the stream switcher and the chosen stream's desk in a dark-themed scene. With a
 * {@link DeskSwitch}, "Connect…" changes the engine the window drives (a server, or back to the local engine): the
 * shown desk closes (players, workers, listeners), the backend it drove is let go, and a desk on the new one opens.
 */
public final class ClipdeskWindow {

    private final Stage stage;
    private final FrameDecoder decoder;
    private final DesktopShell shell;
    private final DeskSwitch desks;
    private final BorderPane frame = new BorderPane();
    private StreamDesk desk;

    private ClipdeskWindow(Stage stage, FrameDecoder decoder, DesktopShell shell, DeskSwitch desks) {
        this.stage = stage;
        this.decoder = decoder;
        this.shell = shell;
        this.desks = desks;
        frame.setId("desk-frame");
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
        return show(stage, engine, decoder, shell, null);
    }

    /**
     * As {@link #show(Stage, DeskBackend, FrameDecoder, DesktopShell)}, with "Connect…" when {@code desks} is given.
     * A backend the window switched away from is closed by the window.
     */
    public static StreamDesk show(Stage stage, DeskBackend engine, FrameDecoder decoder, DesktopShell shell,
                                  DeskSwitch desks) {
        ClipdeskWindow window = new ClipdeskWindow(stage, decoder, shell, desks);
        window.drive(engine);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement placement = WindowPlacement.load(engine).map(p -> p.onto(screens))
                .orElseGet(() -> WindowPlacement.fitting(screen));
        window.desk.sideSplitProperty().set(placement.sideSplit());
        DeskZoom zoomed = new DeskZoom(window.frame);
        Scene scene = new Scene(zoomed, placement.width(), placement.height());
        Runnable rezoom = () -> zoomed.zoomProperty().set(zoomOn(stage));
        for (javafx.beans.value.ObservableValue<?> v : List.of(stage.xProperty(), stage.yProperty(),
                stage.widthProperty(), stage.heightProperty())) {
            v.addListener((o, was, now) -> rezoom.run());
        }
        scene.getStylesheets().add(Objects.requireNonNull(ClipdeskWindow.class.getResource(Themed.STYLESHEET),
                "the theme " + Themed.STYLESHEET + " is not on the classpath").toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ClipsPanel.class.getResource(ClipsPanel.STYLESHEET),
                ClipsPanel.STYLESHEET + " is not on the classpath").toExternalForm());
        stage.setTitle(title(engine));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, screen.getHeight()));
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setMaximized(placement.maximized());
        stage.setOnHidden(e -> {
            keep(stage, window.desk);
            window.desk.close();
        });
        stage.show();
        rezoom.run();
        window.focusDesk();
        return window.desk;
    }

    /** The zoom for the window where it is now: the screen under its middle decides (see {@link DeskZoom}). */
    private static double zoomOn(Stage stage) {
        double w = stage.getWidth();
        double h = stage.getHeight();
        if (Double.isNaN(w) || Double.isNaN(h)) {
            return 1;
        }
        Screen screen = Screen.getScreensForRectangle(stage.getX() + w / 2, stage.getY() + h / 2, 1, 1).stream()
                .findFirst().orElse(Screen.getPrimary());
        Rectangle2D b = screen.getBounds();
        return DeskZoom.zoomFor(b.getWidth(), b.getHeight(), w, h);
    }

    /** The desk the window shows now (another one after each switch of engine). */
    public static StreamDesk current(Stage stage) {
        return stage.getScene() != null && stage.getScene().getRoot() instanceof DeskZoom zoomed
                && zoomed.content() instanceof BorderPane frame && frame.getCenter() instanceof StreamDesk shown
                ? shown : null;
    }

    private void drive(DeskBackend engine) {
        double split = desk == null ? MainView.DEFAULT_SIDE_SPLIT : desk.sideSplitProperty().get();
        desk = new StreamDesk(engine, decoder, shell, desks == null ? null : this::openConnect);
        desk.sideSplitProperty().set(split); // another engine, the same window: the divider stays
        frame.setCenter(desk);
    }

    private void openConnect() {
        DeskBackend now = desk.backend();
        List<String> sheets = stage.getScene() == null ? List.of() : List.copyOf(stage.getScene().getStylesheets());
        new ConnectDialog(stage, sheets, desks, now.describe(), this::switchTo).show();
    }

    private void switchTo(DeskBackend next) {
        DeskBackend previous = desk.backend();
        desk.close();
        if (previous != next) {
            previous.close();
        }
        drive(next);
        stage.setTitle(title(next));
        focusDesk();
    }

    private void focusDesk() {
        if (desk.desk() != null) {
            desk.desk().requestFocus(); // keys drive the desk; the name field gets focus only when clicked
        }
    }

    private static String title(DeskBackend engine) {
        return "Clipdesk — " + engine.describe();
    }

    /** Stores where the window is now, in the shown backend's desk settings, for the next run (done on close). */
    public static void keep(Stage stage, StreamDesk desk) {
        WindowPlacement now = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), desk.sideSplitProperty().get());
        now.save(desk.backend());
    }
}
