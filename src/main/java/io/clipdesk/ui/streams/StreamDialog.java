package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.ui.clips.DesktopShell;
import io.clipdesk.ui.form.MessageArea;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;

/**
 * Add or edit a stream: name, source (test signal, HLS pull, RTMP / SRT push with an optional port and passphrase,
 * a file played as live), DVR on/off and depth. The primary button asks the engine and the dialog stays open until
 * it agrees; its refusal shows inline under the fields. After a push stream is created the dialog shows its push
 * URL with a Copy button before it closes. Binds to {@link StreamDialogViewModel}.
 */
public final class StreamDialog extends Dialog<LiveStream> {

    private static final double LABEL_WIDTH = 96;
    private static final ButtonType DONE = new ButtonType("Done", ButtonBar.ButtonData.OK_DONE);

    private final StreamDialogViewModel vm;

    public StreamDialog(StreamDialogViewModel vm, DesktopShell shell, List<String> stylesheets) {
        this.vm = vm;
        setTitle(vm.isEditing() ? "Edit stream" : "Add stream");
        setHeaderText(vm.isEditing() ? "Edit “" + vm.editing().name() + "”" : "Add a stream");
        setResizable(true);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll("clipdesk", "stream-dialog");
        getDialogPane().setId("stream-dialog");

        ButtonType submit = new ButtonType(vm.isEditing() ? "Save" : "Add stream", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(submit, ButtonType.CANCEL);
        Button submitButton = (Button) getDialogPane().lookupButton(submit);
        submitButton.setId("stream-submit");
        submitButton.disableProperty().bind(vm.canSubmitProperty().not());
        submitButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the engine decides; the dialog closes when it agreed
            vm.submit();
        });
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("stream-cancel");

        VBox fields = fields();
        fields.disableProperty().bind(vm.resultProperty().isNotNull()); // created: what it is, no longer editable
        getDialogPane().setContent(new VBox(10, fields, notes(), createdUrl(shell)));
        setResultConverter(button -> vm.resultProperty().get());
        vm.resultProperty().addListener((o, was, stream) -> {
            if (stream != null && vm.createdPushUrlProperty().get().isEmpty()) {
                setResult(stream);
                close();
            } else if (stream != null) {
                getDialogPane().getButtonTypes().setAll(DONE); // the push URL stays on screen until read
                getDialogPane().lookupButton(DONE).setId("stream-done");
            }
        });
        setOnShown(e -> getDialogPane().lookup("#stream-name").requestFocus());
        // Rows come and go with the source kind, the URL box after a push stream is created: fit the window to them
        // (not to the message, whose room is kept).
        vm.kindProperty().addListener((o, was, now) -> fitWindow());
        vm.createdPushUrlProperty().addListener((o, was, now) -> fitWindow());
    }

    /** Rows of label and field; the rows a source does not use leave no space behind. */
    private VBox fields() {
        VBox rows = new VBox();
        rows.getStyleClass().add("stream-fields");
        rows.setPrefWidth(520);

        TextField name = field("stream-name", vm.nameProperty().get(), "e.g. Camera 1, Studio, Origin");
        vm.nameProperty().bind(name.textProperty());

        ComboBox<SourceKind> kind = new ComboBox<>();
        kind.setId("stream-kind");
        kind.getItems().setAll(SourceKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(SourceKind k) {
                return k == null ? "" : StreamForm.label(k);
            }

            @Override
            public SourceKind fromString(String text) {
                return null;
            }
        });
        kind.setValue(vm.kindProperty().get());
        vm.kindProperty().bind(kind.valueProperty());

        TextField url = field("stream-url", vm.urlProperty().get(), "https://origin.example/live/index.m3u8");
        vm.urlProperty().bind(url.textProperty());
        TextField file = field("stream-file", vm.fileProperty().get(), "/media/rehearsal.mp4");
        vm.fileProperty().bind(file.textProperty());
        Button choose = new Button("Choose…");
        choose.setId("stream-file-choose");
        choose.setOnAction(e -> chooseFile(file));
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox fileRow = new HBox(6, file, choose);
        TextField port = field("stream-port", vm.portProperty().get(), "automatic");
        port.setPrefColumnCount(8);
        port.setMaxWidth(120);
        HBox.setHgrow(port, Priority.NEVER);
        vm.portProperty().bind(port.textProperty());
        TextField passphrase = field("stream-passphrase", vm.passphraseProperty().get(),
                "none (or 10–79 letters, digits, - _ . ~)");
        vm.passphraseProperty().bind(passphrase.textProperty());

        CheckBox dvr = new CheckBox("Record a DVR, depth");
        dvr.setId("stream-dvr");
        dvr.setSelected(vm.dvrEnabledProperty().get());
        vm.dvrEnabledProperty().bind(dvr.selectedProperty());
        Spinner<Integer> minutes = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                StreamForm.MIN_DVR_MINUTES, StreamForm.MAX_DVR_MINUTES, vm.dvrMinutesProperty().get(), 5));
        minutes.setId("stream-dvr-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(100);
        minutes.disableProperty().bind(dvr.selectedProperty().not());
        vm.dvrMinutesProperty().bind(minutes.valueProperty());
        Label range = new Label("min  (" + StreamForm.MIN_DVR_MINUTES + "–" + StreamForm.MAX_DVR_MINUTES + ")");
        range.getStyleClass().add("caption");
        HBox dvrRow = new HBox(8, dvr, minutes, range);
        dvrRow.setAlignment(Pos.CENTER_LEFT);

        Label sourceHelp = new Label();
        sourceHelp.setId("stream-source-help");
        sourceHelp.getStyleClass().add("caption");
        sourceHelp.setWrapText(true);
        sourceHelp.setMaxWidth(420);
        sourceHelp.setMinHeight(Region.USE_PREF_SIZE); // wraps to as many lines as it needs
        sourceHelp.textProperty().bind(Bindings.createStringBinding(() -> help(vm.kindProperty().get(),
                vm.isEditing()), vm.kindProperty()));

        rows.getChildren().addAll(row("Name", name, null), row("Source", kind, null), row("", sourceHelp, null),
                row("Playlist URL", url, is(SourceKind.HLS_PULL)), row("File", fileRow, is(SourceKind.FILE_LOOP)),
                row("Listen port", port, is(SourceKind.RTMP_PUSH).or(is(SourceKind.SRT_PUSH))),
                row("Passphrase", passphrase, is(SourceKind.SRT_PUSH)), row("DVR", dvrRow, null));
        return rows;
    }

    /**
     * The dialog's one message area, with room for three lines kept whether or not it says anything: typing never
     * changes the dialog's height, so its buttons stay under the pointer.
     */
    private Node notes() {
        MessageArea message = new MessageArea("stream-problem", vm.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(message);
        box.setMaxWidth(480);
        box.setMinHeight(64);
        return box;
    }

    private Node createdUrl(DesktopShell shell) {
        Label title = new Label("Created. Paste this into the encoder (OBS: Settings → Stream → Custom):");
        title.setWrapText(true);
        TextField url = new TextField();
        url.setId("stream-created-url");
        url.setEditable(false);
        url.getStyleClass().add("push-url");
        url.textProperty().bind(vm.createdPushUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("stream-created-copy");
        copy.setOnAction(e -> shell.copy(url.getText()));
        HBox row = new HBox(6, url, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, row);
        box.getStyleClass().add("created-push");
        box.visibleProperty().bind(vm.createdPushUrlProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void fitWindow() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() instanceof Stage stage) {
            stage.sizeToScene();
        }
    }

    private BooleanBinding is(SourceKind kind) {
        return Bindings.createBooleanBinding(() -> vm.kindProperty().get() == kind, vm.kindProperty());
    }

    private static HBox row(String label, Node field, BooleanBinding shown) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        l.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(10, l, field);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("field-row");
        if (shown != null) {
            row.visibleProperty().bind(shown);
            row.managedProperty().bind(shown);
        }
        return row;
    }

    private static TextField field(String id, String text, String prompt) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private void chooseFile(TextField target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("File to play as live");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Video", "*.mp4", "*.mov", "*.mkv", "*.ts", "*.m4v", "*.webm", "*.flv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!target.getText().isBlank()) {
            File parent = new File(target.getText().strip()).getParentFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            target.setText(chosen.getAbsolutePath());
        }
    }

    private static String help(SourceKind kind, boolean editing) {
        String where = editing ? "the URL in the window's top bar" : "the URL shown once the stream is added";
        return switch (kind) {
            case TEST_SIGNAL -> "Clock, frame counter, moving bars, a flash and a beep every second: for rehearsals.";
            case HLS_PULL -> "Clipdesk pulls a live HLS playlist over http(s) and keeps its program-date-time.";
            case RTMP_PUSH -> "Clipdesk listens; the encoder (OBS, vMix, ffmpeg) pushes to " + where
                    + ". The stream key is part of that URL.";
            case SRT_PUSH -> "Clipdesk listens for an SRT caller (the encoder) at " + where
                    + ". A passphrase encrypts the feed.";
            case FILE_LOOP -> "A local media file played in a loop as if it were live.";
        };
    }
}
