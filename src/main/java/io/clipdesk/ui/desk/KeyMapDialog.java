package io.clipdesk.ui.desk;

import io.clipdesk.ui.theme.Themed;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/** The key-map sheet ({@code ?}): every key of {@link KeyMap}, in the app's theme. */
public final class KeyMapDialog extends Dialog<Void> {

    public KeyMapDialog(Window owner, List<String> stylesheets) {
        setTitle("Keys");
        initOwner(owner);
        GridPane grid = new GridPane();
        grid.setId("key-map");
        grid.getStyleClass().addAll("form-grid", "key-map");
        int row = 0;
        for (KeyMap.Group group : KeyMap.GROUPS) {
            Label title = new Label(group.title());
            title.getStyleClass().addAll("panel-title", row == 0 ? "first" : "section-gap");
            grid.add(title, 0, row++, 2, 1);
            for (KeyMap.Entry e : group.entries()) {
                Label keys = new Label(e.keys());
                keys.getStyleClass().add("key");
                Label what = new Label(e.what());
                what.getStyleClass().add("key-what");
                grid.addRow(row++, keys, what);
            }
        }
        Themed.apply(getDialogPane(), stylesheets);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setAccessibleText("Close the key map");
    }
}
