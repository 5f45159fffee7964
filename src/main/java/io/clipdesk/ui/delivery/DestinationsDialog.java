package io.clipdesk.ui.delivery;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;

/**
 * Settings › Destinations: where clips can be sent, set up once. A watch folder (playout, CMS) or an HTTP endpoint
 * with its token. What the engine refuses is said under the form in its words, and the form keeps what was typed.
 */
public final class DestinationsDialog extends Dialog<Void> {

    private final DeliveriesViewModel vm;
    private final ListView<Destination> list = new ListView<>();
    private final TextField name = new TextField();
    private final ChoiceBox<DestinationKind> kind = new ChoiceBox<>();
    private final TextField target = new TextField();
    private final Button choose = new Button("Choose…");
    private final PasswordField token = new PasswordField();
    private final Label targetLabel = new Label();
    private final Label problem = new Label();
    private final Button remove = new Button("Remove");

    public DestinationsDialog(DeliveriesViewModel vm, Window owner, List<String> stylesheets) {
        this.vm = vm;
        setTitle("Destinations");
        setHeaderText("Where clips are sent");
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll("clipdesk", "destinations-dialog");
        getDialogPane().setId("destinations-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        list.setId("destinations-list");
        list.setItems(vm.destinations());
        list.setPrefSize(220, 220);
        list.setPlaceholder(new Label("None yet: fill in the form\nand press Add."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Destination d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.name() + "\n" + d.target());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> edit(now));

        name.setId("destination-name");
        name.setPromptText("Social, Playout, CMS…");
        kind.setId("destination-kind");
        kind.getItems().addAll(DestinationKind.FOLDER, DestinationKind.HTTP);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DestinationKind k) {
                return k == null ? "" : k == DestinationKind.FOLDER ? "Watch folder" : "HTTP endpoint";
            }

            @Override
            public DestinationKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().addListener((o, was, now) -> showKind(now));
        target.setId("destination-target");
        choose.setId("destination-choose");
        choose.setOnAction(e -> chooseFolder());
        token.setId("destination-token");
        token.setPromptText("bearer token (optional)");
        problem.setId("destination-problem");
        problem.getStyleClass().add("destination-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(380);

        Button add = new Button("Add");
        add.setId("destination-add");
        add.setOnAction(e -> store(0));
        Button save = new Button("Save");
        save.setId("destination-save");
        save.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> store(list.getSelectionModel().getSelectedItem().id()));
        remove.setId("destination-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(list.getSelectionModel().getSelectedItem(), () -> edit(null)));

        GridPane form = new GridPane();
        form.getStyleClass().add("describe-fields");
        HBox targetRow = new HBox(6, target, choose);
        HBox.setHgrow(target, Priority.ALWAYS);
        target.setPrefColumnCount(26);
        form.addRow(0, field("Name"), name);
        form.addRow(1, field("Kind"), kind);
        form.addRow(2, targetLabel, targetRow);
        form.addRow(3, field("Token"), token);
        targetLabel.getStyleClass().add("field-label");
        HBox buttons = new HBox(6, add, save, remove);
        VBox right = new VBox(10, form, buttons, problem);
        HBox content = new HBox(14, list, right);
        getDialogPane().setContent(content);
        edit(null);
        vm.reloadDestinations();
    }

    private void edit(Destination d) {
        problem.setText("");
        if (d == null) {
            name.clear();
            kind.setValue(DestinationKind.FOLDER);
            target.clear();
            token.clear();
            return;
        }
        name.setText(d.name());
        kind.setValue(d.kind());
        target.setText(d.target());
        token.setText(d.token());
    }

    private void showKind(DestinationKind k) {
        boolean folder = k != DestinationKind.HTTP;
        targetLabel.setText(folder ? "Folder" : "URL");
        target.setPromptText(folder ? "/srv/playout/in" : "https://cms.example.com/api/clips");
        choose.setVisible(folder);
        choose.setManaged(folder);
        token.setDisable(folder);
        if (folder) {
            token.clear();
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Watch folder");
        File folder = chooser.showDialog(getDialogPane().getScene().getWindow());
        if (folder != null) {
            target.setText(folder.getAbsolutePath());
        }
    }

    private void store(long id) {
        Destination d;
        try {
            d = new Destination(id, name.getText(), kind.getValue(), target.getText(), token.getText());
        } catch (InvalidRequestException e) {
            problem.setText(e.getMessage());
            return;
        }
        problem.setText("");
        vm.save(d, saved -> {
            list.getSelectionModel().select(saved);
            problem.setText("Saved " + saved.name() + ".");
        }, problem::setText);
    }

    private static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }
}
