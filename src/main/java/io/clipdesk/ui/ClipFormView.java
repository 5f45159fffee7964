package io.clipdesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;

/** The clip form beside the player (the clips themselves are in ui.clips.ClipsPanel). Binds to {@link ClipFormViewModel}. */
public final class ClipFormView extends VBox {

    public ClipFormView(ClipFormViewModel vm) {
        getStyleClass().add("clip-form");
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.adjustingProperty()
                .get() == null ? "New clip" : "Adjust clip", vm.adjustingProperty()));
        title.getStyleClass().add("panel-title");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Duration" whole, the fields give way
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        TextField name = new TextField();
        name.setId("clip-name");
        name.promptTextProperty().bind(vm.defaultNameProperty());
        name.textProperty().addListener((o, was, now) -> vm.setName(now));
        vm.nameProperty().addListener((o, was, now) -> {
            if (!now.equals(name.getText())) {
                name.setText(now);
            }
        });

        ComboBox<Duration> expiry = new ComboBox<>();
        expiry.getItems().setAll(ClipFormViewModel.EXPIRY_CHOICES);
        expiry.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toHours() > 0 ? d.toHours() + " h" : d.toMinutes() + " min";
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        expiry.getSelectionModel().select(vm.expiryProperty().get());
        expiry.valueProperty().addListener((o, was, now) -> vm.setExpiry(now));
        expiry.setMaxWidth(Double.MAX_VALUE);
        expiry.setFocusTraversable(false);

        CheckBox vod = new CheckBox("Keep permanent copy (VOD)");
        vod.setId("keep-vod");
        vod.selectedProperty().addListener((o, was, now) -> vm.setKeepVod(now));
        vod.setFocusTraversable(false);
        CheckBox exact = new CheckBox("Exact cut (re-encode the edges)");
        exact.setId("exact-cut");
        exact.setTooltip(new Tooltip("Start and end on the second asked instead of the nearest keyframes around it;"
                + " the first and last GOP are re-encoded (a fraction of a second more)."));
        exact.selectedProperty().addListener((o, was, now) -> vm.setExactCut(now));
        exact.setFocusTraversable(false);

        int row = 0;
        grid.addRow(row++, caption("In"), value(vm.inTextProperty(), "mark-value", "form-in"));
        grid.addRow(row++, caption("Out"), value(vm.outTextProperty(), "mark-value", "form-out"));
        grid.addRow(row++, caption("Start"), value(vm.startTextProperty(), "big-value", "form-start"));
        grid.addRow(row++, caption("Duration"), value(vm.durationTextProperty(), "big-value", "form-duration"));
        grid.addRow(row++, caption("Name"), name);
        grid.addRow(row++, caption("Expires"), expiry);
        grid.add(vod, 1, row++);
        grid.add(exact, 1, row);

        Label problem = new Label();
        problem.setId("clip-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        vm.problemIsHintProperty().addListener((o, was, hint) -> problem.pseudoClassStateChanged(Pseudo.HINT, hint));
        problem.pseudoClassStateChanged(Pseudo.HINT, vm.problemIsHintProperty().get());

        Button create = new Button();
        create.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.adjustingProperty()
                .get() == null ? "Create clip  ⏎" : "Apply adjust  ⏎", vm.adjustingProperty()));
        create.setId("create-clip");
        create.getStyleClass().add("create");
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.create());
        create.setFocusTraversable(false);

        Label notice = new Label();
        notice.setId("clip-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());

        getChildren().addAll(title, grid, problem, create, notice);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    private static Label value(ObservableValue<String> text, String styleClass, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(styleClass);
        l.setId(id);
        return l;
    }
}
