package io.clipdesk.ui.clips;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clips panel's actions on the selected clip: a few primary buttons and a "More ▾" menu for the rest. The bar
 * wraps onto a second line rather than cutting a button off in a narrow panel, every control is reached with Tab
 * and named for screen readers, and other features add their actions ({@link #add(ClipAction, boolean)}).
 */
final class ClipActionBar extends FlowPane {

    private final ObservableValue<ClipItem> selected;
    private final MenuButton more = new MenuButton("More ▾");
    private final List<Runnable> refreshers = new ArrayList<>();
    private final List<ClipAction> actions = new ArrayList<>();

    /** @param changed fires when the selection or the selected clip's state changes */
    ClipActionBar(ObservableValue<ClipItem> selected, ObservableValue<?> changed) {
        this.selected = selected;
        getStyleClass().add("clip-actions");
        setId("clip-actions");
        setHgap(6);
        setVgap(6);
        more.setId("clip-more");
        more.getStyleClass().add("clip-action");
        more.setAccessibleText("More actions on the selected clip");
        more.setTooltip(new Tooltip("More actions on the selected clip"));
        more.setOnShowing(e -> refresh());
        selected.addListener((o, was, now) -> refresh());
        changed.addListener((o, was, now) -> refresh());
        getChildren().add(more);
    }

    /** Adds {@code action}: as a button before "More ▾" when {@code primary}, else as an item of that menu. */
    void add(ClipAction action, boolean primary) {
        add(action, primary, Optional.empty());
    }

    /**
     * As {@link #add(ClipAction, boolean)}; when the backend cannot do it ({@code unavailable}, the reason), it is
     * there but greyed, the reason its tooltip and accessible help, and it applies to no clip (rows' menus too).
     */
    void add(ClipAction given, boolean primary, Optional<String> unavailable) {
        ClipAction action = unavailable.isEmpty() ? given
                : new ClipAction(given.id(), given.label(), given.accessibleText(), c -> false, given.run());
        actions.add(action);
        if (primary) {
            Button b = new Button(action.label());
            b.setId(action.id());
            b.getStyleClass().add("clip-action");
            b.setAccessibleText(action.accessibleText());
            b.setTooltip(new Tooltip(action.accessibleText()));
            b.setMinWidth(USE_PREF_SIZE);
            b.setOnAction(e -> run(action));
            getChildren().add(getChildren().size() - 1, unavailable.map(why -> greyed(b, why)).orElse(b));
            refreshers.add(() -> b.setDisable(!applies(action)));
        } else if (unavailable.isPresent()) {
            // A disabled menu item shows no tooltip and is skipped by the keyboard: this one stays reachable, looks
            // greyed, says why on hover and to a screen reader, and does nothing.
            String why = unavailable.get();
            Label text = new Label(action.label());
            text.setTooltip(new Tooltip(why));
            text.setAccessibleText(action.label() + " (not available)");
            text.setAccessibleHelp(why);
            CustomMenuItem item = new CustomMenuItem(text, false);
            item.setId(action.id());
            item.getStyleClass().add("unavailable");
            more.getItems().add(item);
        } else {
            MenuItem item = new MenuItem(action.label());
            item.setId(action.id());
            item.setOnAction(e -> run(action));
            more.getItems().add(item);
            refreshers.add(() -> item.setDisable(!applies(action)));
        }
        refresh();
    }

    /**
     * Adds a control with its own menu (Send to ▾, Social ▾) before "More ▾": reached with Tab like the buttons, never
     * narrower than its label.
     */
    void addMenu(javafx.scene.control.MenuButton menu) {
        addMenu(menu, Optional.empty());
    }

    /** As {@link #addMenu(javafx.scene.control.MenuButton)}, greyed with the reason when {@code unavailable}. */
    void addMenu(javafx.scene.control.MenuButton menu, Optional<String> unavailable) {
        menu.setFocusTraversable(true);
        menu.setMinWidth(USE_PREF_SIZE);
        menu.setMaxWidth(USE_PREF_SIZE);
        if (!menu.getStyleClass().contains("clip-action")) {
            menu.getStyleClass().add("clip-action");
        }
        Node shown = menu;
        if (unavailable.isPresent()) {
            menu.disableProperty().unbind();
            menu.setDisable(true);
            shown = greyed(menu, unavailable.get());
        }
        getChildren().add(getChildren().size() - 1, shown);
    }

    /**
     * {@code control} greyed for good, with {@code why} as its accessible help; a disabled control shows no tooltip,
     * so the box around it does ({@code <id>-greyed}).
     */
    private static Node greyed(Control control, String why) {
        control.setDisable(true);
        control.setAccessibleHelp(why);
        control.setTooltip(null);
        StackPane box = new StackPane(control);
        box.setId(control.getId() + "-greyed");
        box.getStyleClass().add("greyed-feature");
        box.setMinWidth(USE_PREF_SIZE);
        Tooltip.install(box, new Tooltip(why));
        box.setAccessibleHelp(why);
        return box;
    }

    /** Every action added, in order (the rows' context menus offer the same). */
    List<ClipAction> actions() {
        return List.copyOf(actions);
    }

    private boolean applies(ClipAction action) {
        ClipItem item = selected.getValue();
        return item != null && action.appliesTo().test(item);
    }

    private void run(ClipAction action) {
        ClipItem item = selected.getValue();
        if (item != null && action.appliesTo().test(item)) {
            action.run().accept(item);
        }
    }

    private void refresh() {
        refreshers.forEach(Runnable::run);
        more.setDisable(selected.getValue() == null);
    }
}
