package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.ClipPhase;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;

/**
 * One clip in the list: title and VOD badge, its tags, start · length · renditions, and the live state line with a
 * progress bar while recording. Binds to the row's {@link ClipItem}; a recycled cell unbinds first. The context menu
 * offers the panel's actions (those of its action bar, in the same order).
 */
final class ClipCell extends ListCell<ClipItem> {

    private final Label name = new Label();
    private final Label vod = new Label();
    private final Label details = new Label();
    private final Label tags = new Label();
    private final Label state = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final VBox box;
    private final ChangeListener<ClipPhase> phaseListener = (o, was, now) -> showPhase(now);
    private ClipItem bound;

    ClipCell(Supplier<List<ClipAction>> actions) {
        getStyleClass().add("clip-cell");
        name.getStyleClass().add("clip-name");
        vod.getStyleClass().add("vod-badge");
        details.getStyleClass().add("clip-details");
        tags.getStyleClass().add("clip-tags");
        tags.managedProperty().bind(tags.textProperty().isNotEmpty());
        state.getStyleClass().add("clip-state");
        progress.getStyleClass().add("clip-progress");
        progress.setPrefWidth(110);
        progress.managedProperty().bind(progress.visibleProperty());
        vod.managedProperty().bind(vod.visibleProperty());
        HBox stateRow = new HBox(8, state, progress);
        stateRow.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(2, new HBox(8, name, vod), tags, details, stateRow);
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> menu.getItems().setAll(actions.get().stream().map(this::item).toList()));
        setContextMenu(menu);
        setText(null);
        setPrefWidth(0); // as wide as the list, never wider: no horizontal scroll bar
        name.setMinWidth(0);
        details.setMinWidth(0);
        tags.setMinWidth(0);
    }

    private MenuItem item(ClipAction action) {
        MenuItem m = new MenuItem(action.label());
        m.setDisable(getItem() == null || !action.appliesTo().test(getItem()));
        m.setOnAction(e -> {
            if (getItem() != null) {
                action.run().accept(getItem());
            }
        });
        return m;
    }

    @Override
    protected void updateItem(ClipItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            name.textProperty().unbind();
            details.textProperty().unbind();
            tags.textProperty().unbind();
            state.textProperty().unbind();
            vod.textProperty().unbind();
            vod.visibleProperty().unbind();
            progress.progressProperty().unbind();
            bound.phaseProperty().removeListener(phaseListener);
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            showPhase(null);
            return;
        }
        bound = item;
        name.textProperty().bind(Bindings.createStringBinding(() -> item.getClip().name(),
                item.clipProperty()));
        details.textProperty().bind(item.detailsProperty());
        tags.textProperty().bind(Bindings.createStringBinding(() -> ClipItem.tagLine(item.getClip()),
                item.clipProperty()));
        state.textProperty().bind(item.stateTextProperty());
        vod.textProperty().bind(item.vodTextProperty());
        vod.visibleProperty().bind(item.vodTextProperty().isNotEmpty());
        progress.progressProperty().bind(item.progressProperty());
        item.phaseProperty().addListener(phaseListener);
        showPhase(item.phaseProperty().get());
        setGraphic(box);
    }

    private void showPhase(ClipPhase phase) {
        for (ClipPhase p : ClipPhase.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(styleClass(p)), p == phase);
        }
        progress.setVisible(phase == ClipPhase.RECORDING);
    }

    /** The CSS pseudo-class of a row in this phase. */
    static String styleClass(ClipPhase phase) {
        return "clip-" + phase.name().toLowerCase(java.util.Locale.ROOT);
    }
}
