package io.clipdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The fast paths: clip the last 30/60/90 s (keys 3, 6, 9) and the quick markers on F1–F8. */
public final class QuickBar extends HBox {

    private final HBox markers = new HBox();

    public QuickBar(MainViewModel vm, Runnable editMarkers) {
        getStyleClass().add("quick-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label last = new Label("Clip last");
        last.getStyleClass().add("caption");
        getChildren().add(last);
        for (int seconds : new int[]{30, 60, 90}) {
            Button b = TransportBar.button(seconds + " s  " + seconds / 10, "Clip the last " + seconds
                    + " s up to the live edge (" + seconds / 10 + ")", () -> vm.form().createLast(seconds), "fast");
            b.setId("last-" + seconds);
            getChildren().add(b);
        }
        markers.getStyleClass().add("markers");
        markers.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(gap, markers, TransportBar.button("Edit…", "Edit the quick markers", editMarkers, "skip"));
        vm.quickMarkers().addListener((ListChangeListener<QuickMarker>) c -> fill(vm));
        fill(vm);
    }

    private void fill(MainViewModel vm) {
        markers.getChildren().clear();
        for (int i = 0; i < vm.quickMarkers().size(); i++) {
            int number = i + 1;
            QuickMarker m = vm.quickMarkers().get(i);
            Button b = TransportBar.button("F" + number + "  " + m.label(), m.label() + ": " + m.preRollS()
                    + " s before to " + m.postRollS() + " s after the playhead (F" + number + ")",
                    () -> vm.quickMarker(number), "marker");
            b.setId("marker-" + number);
            markers.getChildren().add(b);
        }
    }
}
