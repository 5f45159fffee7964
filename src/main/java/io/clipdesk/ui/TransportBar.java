package io.clipdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Transport and marking buttons; each names its key, so the mouse teaches the keyboard. They keep their labels in
 * a 1280x720 window: the volume slider and the gap give way first.
 */
public final class TransportBar extends HBox {

    public TransportBar(PlaybackViewModel playback, ClipFormViewModel form, Runnable goLive) {
        getStyleClass().add("transport");
        setAlignment(Pos.CENTER_LEFT);
        Button play = button("▶", "Play / pause (Space, K)", playback::togglePlay, "play");
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("❚❚").otherwise("▶"));
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
        mute.setFocusTraversable(false);
        mute.selectedProperty().bindBidirectional(playback.mutedProperty());
        mute.textProperty().bind(Bindings.when(playback.mutedProperty()).then("Muted").otherwise("Sound"));
        Slider volume = new Slider(0, 100, playback.volumePercentProperty().get());
        volume.setId("volume");
        volume.getStyleClass().add("volume");
        volume.setTooltip(new Tooltip("Listening volume (the meters show the material, not this)"));
        volume.setFocusTraversable(false);
        volume.setPrefWidth(70);
        volume.setMinWidth(30);
        volume.valueProperty().addListener((o, was, now) -> playback.volumePercentProperty().set(now.intValue()));
        playback.volumePercentProperty().addListener((o, was, now) -> volume.setValue(now.doubleValue()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(
                button("−10 s", "Back 10 seconds (Shift+←)", () -> playback.skip(-10_000), "skip"),
                button("−1 s", "Back 1 second (←)", () -> playback.skip(-1_000), "skip"),
                button("◀ 1f", "Previous frame (,)", () -> playback.stepFrames(-1), "skip"),
                play,
                button("1f ▶", "Next frame (.)", () -> playback.stepFrames(1), "skip"),
                button("+1 s", "Forward 1 second (→)", () -> playback.skip(1_000), "skip"),
                button("+10 s", "Forward 10 seconds (Shift+→)", () -> playback.skip(10_000), "skip"),
                live, half, quarter, mute, volume, gap, in, out,
                button("Clear", "Clear the marks (Esc)", form::clearMarks, "skip"));
        getChildren().stream().filter(n -> n != volume && n != gap)
                .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
    }

    static Button button(String text, String tip, Runnable action, String styleClass) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.getStyleClass().add(styleClass);
        return b;
    }
}
