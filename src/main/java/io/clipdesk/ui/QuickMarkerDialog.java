package io.clipdesk.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/** Edits the labels and pre/post roll of the quick markers; OK applies them through the view model. */
final class QuickMarkerDialog extends Dialog<List<QuickMarker>> {

    /** What a marker's rolls may be; also said in the dialog, so no limit is applied unseen. */
    static final int MAX_ROLL_S = 300;

    QuickMarkerDialog(List<QuickMarker> current, Window owner, List<String> stylesheets) {
        setTitle("Quick markers");
        initOwner(owner);
        Themed.apply(getDialogPane(), stylesheets);
        GridPane grid = new GridPane();
        grid.setId("quick-markers");
        grid.getStyleClass().addAll("form-grid", "quick-markers");
        grid.addRow(0, header("Key"), header("Label"), header("Seconds before"), header("Seconds after"));
        List<TextField> labels = new ArrayList<>();
        List<Spinner<Integer>> pre = new ArrayList<>();
        List<Spinner<Integer>> post = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            QuickMarker m = current.get(i);
            TextField label = new TextField(m.label());
            label.setAccessibleText("F" + (i + 1) + " label");
            label.setPrefColumnCount(12);
            Spinner<Integer> before = new Spinner<>(0, MAX_ROLL_S, m.preRollS());
            Spinner<Integer> after = new Spinner<>(0, MAX_ROLL_S, m.postRollS());
            before.setEditable(true);
            after.setEditable(true);
            before.setPrefWidth(110);
            after.setPrefWidth(110);
            before.setAccessibleText("F" + (i + 1) + " seconds before the playhead");
            after.setAccessibleText("F" + (i + 1) + " seconds after the playhead");
            labels.add(label);
            pre.add(before);
            post.add(after);
            grid.addRow(i + 1, new Label("F" + (i + 1)), label, before, after);
        }
        Label limits = new Label("Each marker clips from its seconds before to its seconds after the picture on"
                + " screen: 0–" + MAX_ROLL_S + " s each, at least 1 s in all (a marker with nothing before gets"
                + " 1 s after). A blank label keeps the old one. The clip's name and tags take the label.");
        limits.setId("quick-markers-limits");
        limits.getStyleClass().add("caption");
        limits.setWrapText(true);
        limits.setMaxWidth(520);
        VBox content = new VBox(10, grid, limits);
        getDialogPane().setContent(content);
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

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        return l;
    }
}
