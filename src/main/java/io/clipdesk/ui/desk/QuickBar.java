package io.clipdesk.ui.desk;

import io.clipdesk.ui.quick.QuickMarker;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The fast paths: clip the last 30/60/90 s (keys 3, 6, 9) and the quick markers on F1–F8. The buttons keep their
 * labels and wrap onto a second row in a narrow desk.
 */
public final class QuickBar extends FlowPane {

    private final List<Button> markers = new ArrayList<>();

    private final Button edit;

    public QuickBar(MainViewModel vm, Runnable editMarkers) {
        getStyleClass().add("quick-bar");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(14);
        setVgap(4);
        Label last = new Label("Clip last");
        last.getStyleClass().add("caption");
        HBox lastGroup = new HBox(6, last);
        lastGroup.setAlignment(Pos.CENTER_LEFT);
        lastGroup.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(lastGroup);
        for (int seconds : new int[]{30, 60, 90}) {
            Button b = TransportBar.button(seconds + " s  " + seconds / 10, "Clip the last " + seconds
                    + " s up to the picture on screen (" + seconds / 10 + ")", () -> vm.form().createLast(seconds), "fast");
            b.setId("last-" + seconds);
            b.setMinWidth(Region.USE_PREF_SIZE);
            lastGroup.getChildren().add(b);
        }
        this.edit = editButton(editMarkers);
        getChildren().add(edit);
        vm.quickMarkers().addListener((ListChangeListener<QuickMarker>) c -> fill(vm));
        fill(vm);
    }

    private void fill(MainViewModel vm) {
        getChildren().removeAll(markers);
        markers.clear();
        for (int i = 0; i < vm.quickMarkers().size(); i++) {
            int number = i + 1;
            QuickMarker m = vm.quickMarkers().get(i);
            Button b = TransportBar.button("F" + number + "  " + m.label(), m.label() + ": " + m.preRollS()
                    + " s before to " + m.postRollS() + " s after the playhead (F" + number + ")",
                    () -> vm.quickMarker(number), "marker");
            b.setId("marker-" + number);
            b.setMinWidth(Region.USE_PREF_SIZE);
            markers.add(b);
        }
        getChildren().addAll(getChildren().indexOf(edit), markers);
    }

    private static Button editButton(Runnable editMarkers) {
        Button b = TransportBar.button("Edit…", "Edit the quick markers' labels and lengths", editMarkers, "skip");
        b.setId("edit-markers");
        return b;
    }
}
