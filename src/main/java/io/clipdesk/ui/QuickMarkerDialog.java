package io.clipdesk.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/** Edits the labels and pre/post roll of the quick markers; OK applies them through the view model. */
final class QuickMarkerDialog extends Dialog<List<QuickMarker>> {

    QuickMarkerDialog(List<QuickMarker> current) {
        setTitle("Quick markers");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, new Label("Key"), new Label("Label"), new Label("Before (s)"), new Label("After (s)"));
        List<TextField> labels = new ArrayList<>();
        List<Spinner<Integer>> pre = new ArrayList<>();
        List<Spinner<Integer>> post = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            QuickMarker m = current.get(i);
            TextField label = new TextField(m.label());
            Spinner<Integer> before = new Spinner<>(0, 300, m.preRollS());
            Spinner<Integer> after = new Spinner<>(0, 300, m.postRollS());
            before.setEditable(true);
            after.setEditable(true);
            labels.add(label);
            pre.add(before);
            post.add(after);
            grid.addRow(i + 1, new Label("F" + (i + 1)), label, before, after);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            List<QuickMarker> edited = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                String text = labels.get(i).getText().isBlank() ? current.get(i).label() : labels.get(i).getText();
                int before = pre.get(i).getValue();
                int after = Math.max(before == 0 ? 1 : 0, post.get(i).getValue());
                edited.add(new QuickMarker(text, before, after));
            }
            return edited;
        });
    }
}
