package io.clipdesk.ui.desk;

import io.clipdesk.engine.delivery.AutoSend;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.ui.theme.Themed;
import io.clipdesk.ui.quick.QuickMarker;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits the labels and pre/post roll of the quick markers, and where each marker's clips are sent by themselves
 * ("Send to": every Goal clip goes to Social); OK applies them through the view model.
 */
public final class QuickMarkerDialog extends Dialog<List<QuickMarker>> {

    /** What a marker's rolls may be; also said in the dialog, so no limit is applied unseen. */
    static final int MAX_ROLL_S = 300;

    private final List<ChoiceBox<Destination>> sendTo = new ArrayList<>();

    public QuickMarkerDialog(List<QuickMarker> current, MainViewModel.AutoSendSetup setup, Window owner,
                      List<String> stylesheets) {
        setTitle("Quick markers");
        initOwner(owner);
        Themed.apply(getDialogPane(), stylesheets);
        GridPane grid = new GridPane();
        grid.setId("quick-markers");
        grid.getStyleClass().addAll("form-grid", "quick-markers");
        boolean canSend = !setup.destinations().isEmpty();
        grid.addRow(0, header("Key"), header("Label"), header("Seconds before"), header("Seconds after"));
        if (canSend) {
            grid.add(header("Send to"), 4, 0);
        }
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
            if (canSend) {
                ChoiceBox<Destination> to = new ChoiceBox<>();
                to.setId("marker-send-to-" + (i + 1));
                to.getItems().add(null);
                to.getItems().addAll(setup.destinations());
                to.setConverter(new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(Destination d) {
                        return d == null ? "—" : d.name();
                    }

                    @Override
                    public Destination fromString(String s) {
                        return null;
                    }
                });
                long ruled = setup.rules().stream().filter(r -> r.isFor(m.label())).mapToLong(AutoSend::destinationId)
                        .findFirst().orElse(0);
                to.setValue(setup.destinations().stream().filter(d -> d.id() == ruled).findFirst().orElse(null));
                to.setAccessibleText("Send every " + m.label() + " clip to");
                sendTo.add(to);
                grid.add(to, 4, i + 1);
            }
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

    /** The destination chosen for marker {@code index} (0-based); 0 for none. After OK. */
    public long sendTo(int index) {
        if (index >= sendTo.size() || sendTo.get(index).getValue() == null) {
            return 0;
        }
        return sendTo.get(index).getValue().id();
    }
}
