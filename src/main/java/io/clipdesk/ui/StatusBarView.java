package io.clipdesk.ui;

import io.clipdesk.engine.SourceHealth;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.controlsfx.control.StatusBar;

/** Stream health, DVR depth, disk and engine address along the bottom edge. */
public final class StatusBarView extends StatusBar {

    public StatusBarView(StatusViewModel vm) {
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
        getRightItems().addAll(label(vm.playerTextProperty(), "player-state"), bar(), address);
    }

    private static void showHealth(Label label, SourceHealth health) {
        label.pseudoClassStateChanged(Pseudo.LIVE, health == SourceHealth.LIVE);
        label.pseudoClassStateChanged(Pseudo.STALLED, health != SourceHealth.LIVE && health != SourceHealth.STARTING);
    }

    private static Label label(ObservableValue<String> text, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("status-item", styleClass);
        return l;
    }

    private static Separator bar() {
        return new Separator(Orientation.VERTICAL);
    }
}
