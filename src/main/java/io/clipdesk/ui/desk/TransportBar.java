package io.clipdesk.ui.desk;

import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.theme.Pseudo;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Transport and marking buttons; each names its key, so the mouse teaches the keyboard. Three groups (moving,
 * speed and sound, marks) that wrap onto a second row in a narrow desk, so no button is ever cut off.
 */
public final class TransportBar extends FlowPane {

    public TransportBar(PlaybackViewModel playback, ClipFormViewModel form, Runnable goLive) {
        getStyleClass().add("transport");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(12);
        setVgap(4);
        Button play = button("▶", "Play / pause (Space, K)", playback::togglePlay, "play");
        play.setId("play");
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("❚❚").otherwise("▶"));
        play.accessibleTextProperty().bind(Bindings.when(playback.playingProperty()).then("Pause").otherwise("Play"));
        Label rate = new Label();
        rate.setId("transport-rate");
        rate.getStyleClass().add("transport-rate");
        rate.textProperty().bind(playback.rateTextProperty());
        rate.accessibleTextProperty().bind(Bindings.concat("Playback: ", playback.rateTextProperty()));
        rate.setTooltip(new Tooltip("Speed: L / J again for 2×, 4×, 8×, 16× (16×: a picture every 3.2 s of media); K pauses; hold K and tap L or J to step"));
        rate.setMinWidth(Region.USE_PREF_SIZE);
        Button live = button("LIVE", "Back to the live edge (End)", goLive, "go-live");
        live.setId("go-live");
        playback.liveProperty().addListener((o, was, now) -> live.pseudoClassStateChanged(Pseudo.LIVE, now));
        Button in = button("In  I", "Set the in point at the playhead (I)", form::markIn, "mark");
        in.setId("mark-in");
        Button out = button("Out  O", "Set the out point at the playhead (O)", form::markOut, "mark");
        out.setId("mark-out");
        Button half = button("½×", "Slow motion, half speed with sound (Shift+L)", () -> playback.slow(2), "skip");
        half.setId("slow-half");
        Button quarter = button("¼×", "Slow motion, quarter speed, muted (Shift+L twice)", () -> playback.slow(4),
                "skip");
        quarter.setId("slow-quarter");
        ToggleButton mute = new ToggleButton();
        mute.setId("mute");
        mute.getStyleClass().add("mute");
        mute.setTooltip(new Tooltip("Mute the desk's sound (M)"));
        mute.setAccessibleText("Mute");
        mute.selectedProperty().bindBidirectional(playback.mutedProperty());
        mute.textProperty().bind(Bindings.when(playback.mutedProperty()).then("Muted").otherwise("Sound"));
        Slider volume = new Slider(0, 100, playback.volumePercentProperty().get());
        volume.setId("volume");
        volume.getStyleClass().add("volume");
        volume.setTooltip(new Tooltip("Listening volume (the meters show the material, not this)"));
        volume.setAccessibleText("Listening volume");
        volume.setPrefWidth(70);
        volume.setMinWidth(30);
        volume.valueProperty().addListener((o, was, now) -> playback.volumePercentProperty().set(now.intValue()));
        playback.volumePercentProperty().addListener((o, was, now) -> volume.setValue(now.doubleValue()));
        getChildren().addAll(
                group(button("−10 s", "Back 10 seconds (Shift+←)", () -> playback.skip(-10_000), "skip"),
                        button("−1 s", "Back 1 second (←)", () -> playback.skip(-1_000), "skip"),
                        button("◀ 1f", "Previous frame (,)", () -> playback.stepFrames(-1), "skip"),
                        play, rate,
                        button("1f ▶", "Next frame (.)", () -> playback.stepFrames(1), "skip"),
                        button("+1 s", "Forward 1 second (→)", () -> playback.skip(1_000), "skip"),
                        button("+10 s", "Forward 10 seconds (Shift+→)", () -> playback.skip(10_000), "skip")),
                group(live, half, quarter, mute, volume),
                group(in, out, button("Clear", "Clear the marks (Esc)", form::clearMarks, "skip")));
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(3, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r && !(n instanceof Slider)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    /**
     * A desk button: reached with Tab and pressed with Space or Enter like any control; its tip (which names the
     * key) is also what a screen reader says.
     */
    public static Button button(String text, String tip, Runnable action, String styleClass) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add(styleClass);
        b.setAccessibleText(tip.replaceAll("\\s*\\([^)]*\\)$", ""));
        b.setAccessibleHelp(tip);
        return b;
    }
}
