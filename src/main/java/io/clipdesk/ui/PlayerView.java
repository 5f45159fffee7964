package io.clipdesk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** The picture with its wall-clock timecode and a LIVE / behind-live badge over it. */
public final class PlayerView extends StackPane {

    public PlayerView(PlaybackViewModel vm) {
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
