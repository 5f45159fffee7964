package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.List;

/**
 * "Describe…": the clip's title, tags (typed with commas between) and description, in the app's theme. Tab walks the
 * fields, Enter in a one-line field saves, Escape cancels. The engine checks the rules on save; a refusal is said in
 * the panel's notice.
 */
final class ClipDescribeDialog extends Dialog<ClipDescribeDialog.Edit> {

    /** What the editor typed, unchecked. */
    record Edit(String title, String tagsLine, String description) {
    }

    ClipDescribeDialog(Clip clip, Window owner, List<String> stylesheets) {
        setTitle("Describe clip");
        setHeaderText(clip.name());
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll("clipdesk", "describe-dialog");
        getDialogPane().setId("describe-dialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).setId("describe-save");

        TextField title = field("describe-title", clip.name(), "Title", "The clip's title");
        TextField tags = field("describe-tags", String.join(", ", clip.description().tags()), "goal, home team",
                "Tags, separated by commas");
        TextArea description = new TextArea(clip.description().description());
        description.setId("describe-description");
        description.setPromptText("What happens in the clip");
        description.setAccessibleText("Description");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        description.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= ClipDescription.MAX_DESCRIPTION_LENGTH ? change : null));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("describe-fields");
        grid.addRow(0, label("Title", title), title);
        grid.addRow(1, label("Tags", tags), tags);
        grid.addRow(2, label("Description", description), description);
        String by = clip.description().createdBy();
        if (!by.isEmpty()) {
            Label editor = new Label("Made by " + by);
            editor.getStyleClass().add("field-label");
            grid.add(editor, 1, 3);
        }
        GridPane.setHgrow(title, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(460);
        setResultConverter(b -> b == save ? new Edit(title.getText(), tags.getText(), description.getText()) : null);
        // Tags are what an editor adds most; later than the dialog's own focus on its default button.
        setOnShown(e -> Platform.runLater(() -> {
            tags.requestFocus();
            tags.end();
        }));
    }

    private static TextField field(String id, String text, String prompt, String accessible) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(accessible);
        return field;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }
}
