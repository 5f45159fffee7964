package io.clipdesk.ui;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskSwitch;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/**
 * "Connect…": which engine the desk drives. A server (URL, API key, the editor's name; recent servers to pick from)
 * or "Local engine". The attempt runs off the FX thread; a failure is said in one sentence under the fields and the
 * desk keeps driving what it drove, so nothing is ever half-open. On success the window gets the new backend.
 */
public final class ConnectDialog extends Stage {

    private final DeskSwitch desks;
    private final Consumer<DeskBackend> onConnected;
    private final EngineLane lane = new EngineLane(new FxBridge());
    private final ComboBox<String> url = new ComboBox<>();
    private final PasswordField key = new PasswordField();
    private final TextField editor = new TextField();
    private final Label error = new Label();
    private final Button connect = new Button("Connect");
    private final Button local = new Button("Local engine");
    private final Button cancel = new Button("Cancel");

    /**
     * @param current     what the desk drives now, said at the top
     * @param onConnected gets the new backend on the FX thread (the window shows it and lets the old one go)
     */
    public ConnectDialog(Window owner, List<String> stylesheets, DeskSwitch desks, String current,
                         Consumer<DeskBackend> onConnected) {
        this.desks = desks;
        this.onConnected = onConnected;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Connect to an engine");

        Label now = new Label("This desk drives the " + current + ".");
        now.setId("connect-current");
        now.setWrapText(true);
        List<DeskSwitch.ServerLogin> recent = desks.recent();
        url.setId("connect-url");
        url.setEditable(true);
        url.setPromptText("http://192.168.1.20:8080");
        url.getItems().setAll(recent.stream().map(DeskSwitch.ServerLogin::url).distinct().toList());
        url.setMaxWidth(Double.MAX_VALUE);
        url.valueProperty().addListener((o, was, chosen) -> recent.stream().filter(r -> r.url().equals(chosen))
                .findFirst().ifPresent(r -> {
                    key.setText(r.apiKey());
                    editor.setText(r.editor());
                }));
        key.setId("connect-key");
        key.setPromptText("the server's API key");
        editor.setId("connect-editor");
        editor.setText(desks.defaultEditor());
        editor.setPromptText("your name, shown on every clip you make");
        if (!recent.isEmpty()) {
            url.setValue(recent.get(0).url());
        }

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Server URL"), url);
        form.addRow(1, new Label("API key"), key);
        form.addRow(2, new Label("Your name"), editor);
        GridPane.setHgrow(url, Priority.ALWAYS);

        error.setId("connect-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);

        connect.setId("connect-server");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connectToServer());
        local.setId("connect-local");
        local.setOnAction(e -> attempt(desks::local, "Starting the local engine…"));
        cancel.setId("connect-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, local, gap, cancel, connect);

        VBox content = new VBox(12, now, form, error, buttons);
        content.setPadding(new Insets(16));
        content.setPrefWidth(520);
        content.getStyleClass().addAll("clipdesk", "connect-dialog");
        Scene scene = new Scene(content);
        scene.getStylesheets().addAll(stylesheets);
        setScene(scene);
        setOnHidden(e -> lane.close());
    }

    private void connectToServer() {
        DeskSwitch.ServerLogin login = new DeskSwitch.ServerLogin(url.getEditor().getText(), key.getText(),
                editor.getText());
        if (login.url().isEmpty()) {
            error.setText("Type the server's URL, e.g. http://192.168.1.20:8080.");
            return;
        }
        attempt(() -> desks.connect(login), "Connecting to " + login.url() + "…");
    }

    private void attempt(java.util.function.Supplier<DeskBackend> open, String doing) {
        error.setText(doing);
        setBusy(true);
        lane.call(open::get, backend -> {
            setBusy(false);
            close();
            onConnected.accept(backend);
        }, e -> {
            setBusy(false);
            error.setText(e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }

    private void setBusy(boolean busy) {
        connect.setDisable(busy);
        local.setDisable(busy);
    }
}
