package io.clipdesk.ui.clipform;

import io.clipdesk.ui.form.MessageArea;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;

/**
 * The clip form beside the player (the clips themselves are in ui.clips.ClipsPanel). Binds to
 * {@link ClipFormViewModel}. The fields scroll when the window is too low for them (1280x720); the Create button and
 * the form's message sit below the scroll, so they are always whole on screen, whatever the height. A field reached
 * with Tab is scrolled into view; every control is named for screen readers.
 */
public final class ClipFormView extends VBox {

    public ClipFormView(ClipFormViewModel vm) {
        getStyleClass().add("clip-form-panel");
        setId("clip-form");
        VBox content = new VBox();
        content.getStyleClass().add("clip-form");
        ScrollPane scroll = new ScrollPane(content);
        scroll.getStyleClass().add("clip-form-scroll");
        scroll.setId("clip-form-fields");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setFocusTraversable(false);
        // As tall as the fields when there is room (Create right under them); squeezed, and scrolled, when not.
        // (a VBox shrinks its children down to their minimum before it cuts one off; the footer keeps its size)
        scroll.setMinHeight(0);
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.adjustingProperty()
                .get() == null ? "New clip" : "Adjust clip", vm.adjustingProperty()));
        title.getStyleClass().add("panel-title");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE); // "Duration" whole, the fields give way
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        TimecodeField in = new TimecodeField(vm, ClipFormViewModel.Side.IN, vm.inTextProperty());
        TimecodeField out = new TimecodeField(vm, ClipFormViewModel.Side.OUT, vm.outTextProperty());

        TextField name = new TextField();
        name.setId("clip-name");
        name.setAccessibleText("Clip title");
        name.setAccessibleHelp("Empty: the clip is named after its in point");
        name.promptTextProperty().bind(vm.defaultNameProperty());
        name.textProperty().addListener((o, was, now) -> vm.setName(now));
        vm.nameProperty().addListener((o, was, now) -> {
            if (!now.equals(name.getText())) {
                name.setText(now);
            }
        });

        ComboBox<Duration> expiry = new ComboBox<>();
        expiry.setId("clip-expiry");
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
        expiry.setAccessibleText("Clip expires after");
        expiry.setAccessibleHelp("How long the clip's links live once it is ready: 1 minute to 4 hours");

        CheckBox vod = new CheckBox("Keep permanent copy (VOD)");
        vod.setId("keep-vod");
        vod.setAccessibleText("Keep a permanent copy as a video");
        vod.selectedProperty().addListener((o, was, now) -> vm.setKeepVod(now));
        CheckBox exact = new CheckBox("Exact cut (to the frame)");
        exact.setId("exact-cut");
        exact.setAccessibleText("Exact cut");
        exact.setAccessibleHelp("On: the clip starts and ends at the marked frames (edges re-encoded). Off: it is cut"
                + " on the keyframe segments around the marks, so it starts earlier and ends later.");
        exact.setTooltip(new Tooltip("On: start and end at the marked frames (the first and last GOP re-encoded)."
                + "\nOff: cut on the keyframe segments around the marks (longer, no re-encoding)."
                + "\nStart and Duration above show what the clip will hold either way."));
        exact.setSelected(vm.exactCutProperty().get());
        exact.selectedProperty().addListener((o, was, now) -> vm.setExactCut(now));
        vm.exactCutProperty().addListener((o, was, now) -> exact.setSelected(now));
        vm.exactCutUnavailable().ifPresent(why -> {
            // Greyed with the reason where it is, not refused at Create: a disabled box shows no tooltip, its row does.
            exact.setDisable(true);
            exact.setAccessibleHelp(why);
            exact.setTooltip(null);
        });

        Label start = value(vm.startTextProperty(), "big-value", "form-start");
        start.setTooltip(new Tooltip("Where the clip's media starts (wall clock): the in mark for an exact cut, the"
                + " keyframe segment before it otherwise"));
        Label duration = value(vm.durationTextProperty(), "big-value", "form-duration");
        duration.setTooltip(new Tooltip("How long the delivered clip is, in the chosen cut mode"));

        int row = 0;
        grid.addRow(row++, caption("In", in), in);
        grid.addRow(row++, caption("Out", out), out);
        grid.addRow(row++, caption("Start", start), start);
        grid.addRow(row++, caption("Duration", duration), duration);
        grid.addRow(row++, caption("Name", name), name);
        grid.addRow(row++, caption("Expires", expiry), expiry);
        grid.add(vod, 1, row++);
        javafx.scene.layout.StackPane exactRow = new javafx.scene.layout.StackPane(exact);
        exactRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        vm.exactCutUnavailable().ifPresent(why -> {
            Tooltip.install(exactRow, new Tooltip(why));
            exactRow.setId("exact-cut-greyed");
        });
        grid.add(exactRow, 1, row);

        MessageArea message = new MessageArea("clip-message", vm.messageProperty());

        Button create = new Button();
        create.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.adjustingProperty()
                .get() == null ? "Create clip  ⏎" : "Apply adjust  ⏎", vm.adjustingProperty()));
        create.setId("create-clip");
        create.getStyleClass().add("create");
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.create());
        create.setAccessibleText("Create clip");
        create.setAccessibleHelp("Enter: makes the clip from the in to the out point");

        content.getChildren().addAll(title, grid);
        VBox footer = new VBox(create, message);
        footer.getStyleClass().add("clip-form-footer");
        footer.setMinHeight(USE_PREF_SIZE);
        Region rest = new Region();
        VBox.setVgrow(rest, Priority.ALWAYS);
        getChildren().addAll(scroll, footer, rest);
        // ScrollPane does not follow the focus: Tab onto a field scrolled out of sight brings it into view.
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, before, owner) -> reveal(scroll, content, owner));
            }
        });
    }

    private static void reveal(ScrollPane scroll, Region content, javafx.scene.Node owner) {
        boolean inside = false;
        for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
            inside |= n == content;
        }
        if (!inside) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(owner.localToScene(owner.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewHeight);
        double next = top;
        if (b.getMinY() < top) {
            next = b.getMinY() - 4;
        } else if (b.getMaxY() > top + viewHeight) {
            next = b.getMaxY() + 4 - viewHeight;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, next / (contentHeight - viewHeight))));
    }

    private static Label caption(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setLabelFor(field);
        return l;
    }

    private static Label value(ObservableValue<String> text, String styleClass, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(styleClass);
        l.setId(id);
        l.accessibleTextProperty().bind(text);
        return l;
    }
}
