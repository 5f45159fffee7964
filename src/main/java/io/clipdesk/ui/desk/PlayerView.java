package io.clipdesk.ui.desk;

import io.clipdesk.ui.theme.Pseudo;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * The picture with its wall-clock timecode and a LIVE / behind-live badge over it. While in a window and playing it
 * looks for a new picture on every pulse: a picture that follows the sound is due at its sound's time, which falls
 * between the player's reports. Paused, the player's reports bring each picture (a seek, a step), and the window
 * has no pulses asked for nothing (each runs the scene's CSS, layout and bounds passes).
 */
public final class PlayerView extends StackPane {

    public PlayerView(PlaybackViewModel vm) {
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.refresh();
            }
        };
        Runnable pulseWhilePlaying = () -> {
            if (getScene() != null && vm.playingProperty().get()) {
                pulses.start();
            } else {
                pulses.stop();
            }
        };
        sceneProperty().addListener(o -> pulseWhilePlaying.run());
        vm.playingProperty().addListener(o -> pulseWhilePlaying.run());
        getStyleClass().add("player");
        ImageView picture = new ImageView(vm.picture());
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.fitWidthProperty().bind(widthProperty());
        picture.fitHeightProperty().bind(heightProperty());

        Label timecode = new Label();
        timecode.getStyleClass().add("timecode");
        timecode.textProperty().bind(vm.positionTextProperty());
        timecode.setId("player-timecode");
        StackPane.setAlignment(timecode, Pos.TOP_LEFT);
        StackPane.setMargin(timecode, new Insets(10));

        Label badge = new Label();
        badge.getStyleClass().add("live-badge");
        badge.textProperty().bind(vm.badgeTextProperty());
        vm.liveProperty().addListener((o, was, live) -> badge.pseudoClassStateChanged(Pseudo.LIVE, live));
        badge.pseudoClassStateChanged(Pseudo.LIVE, vm.isLive());
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        StackPane.setMargin(badge, new Insets(10));

        setMinSize(320, 180);
        getChildren().addAll(picture, timecode, badge);
    }
}
