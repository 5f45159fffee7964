package io.clipdesk.ui.desk;

import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.ui.theme.Pseudo;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/** Stream health, DVR depth, disk and engine address along the bottom edge. */
public final class StatusBarView extends StatusBar {

    /** @param showKeys opens the key-map sheet (also on {@code ?}) */
    public StatusBarView(StatusViewModel vm, Runnable showKeys) {
        getStyleClass().add("desk-status");
        setText("");
        Label health = label(vm.healthTextProperty(), "health");
        health.setId("status-health");
        vm.healthProperty().addListener((o, was, now) -> showHealth(health, now));
        showHealth(health, vm.healthProperty().get());
        Label address = label(vm.engineAddressProperty(), "address");
        Label disk = label(vm.diskTextProperty(), "disk");
        disk.setId("status-disk");
        vm.diskProperty().addListener((o, was, now) -> disk.pseudoClassStateChanged(Pseudo.FULL, now.full()));
        getLeftItems().addAll(health, bar(), label(vm.dvrTextProperty(), "dvr"), bar(), disk);
        Button keys = new Button("Keys ?");
        keys.setId("status-keys");
        keys.getStyleClass().add("status-button");
        keys.setAccessibleText("Key map");
        keys.setAccessibleHelp("Every key of the desk (also the ? key)");
        keys.setTooltip(new Tooltip("Every key of the desk (?)"));
        keys.setOnAction(e -> showKeys.run());
        keys.setMinWidth(Region.USE_PREF_SIZE);
        getRightItems().addAll(label(vm.playerTextProperty(), "player-state"), bar(), address, bar(), keys);
    }

    private static void showHealth(Label label, SourceHealth health) {
        label.pseudoClassStateChanged(Pseudo.LIVE, health == SourceHealth.LIVE);
        label.pseudoClassStateChanged(Pseudo.STALLED, health != SourceHealth.LIVE && health != SourceHealth.STARTING);
    }

    private static Label label(ObservableValue<String> text, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("status-item", styleClass);
        l.accessibleTextProperty().bind(text);
        l.setMinWidth(0); // at 1280 px the items shorten with an ellipsis instead of pushing the keys button out
        l.setTooltip(tip(text));
        return l;
    }

    private static Tooltip tip(ObservableValue<String> text) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(text);
        return t;
    }

    private static Separator bar() {
        return new Separator(Orientation.VERTICAL);
    }
}
