package io.clipdesk.ui.delivery;

import io.clipdesk.engine.delivery.Destination;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.function.Consumer;

/** "Send to…": one item per destination, and the way to set them up. */
public final class SendToMenu extends MenuButton {

    /**
     * @param send          sends the selected clip to the destination chosen
     * @param editDestinations opens the destinations dialog
     * @param disabled      while no clip is selected
     */
    public SendToMenu(DeliveriesViewModel vm, Consumer<Destination> send, Runnable editDestinations,
                      ObservableBooleanValue disabled) {
        super("Send to…");
        setId("clip-send-to");
        getStyleClass().add("clip-action");
        setFocusTraversable(false);
        setAccessibleText("Send the selected clip to a destination");
        disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(disabled::get, disabled));
        // Another desk or a script may have changed them: the list refills the menu when the answer comes.
        setOnShowing(e -> vm.reloadDestinations());
        fill(vm, send, editDestinations);
        vm.destinations().addListener((javafx.collections.ListChangeListener<Destination>) c ->
                fill(vm, send, editDestinations));
    }

    private void fill(DeliveriesViewModel vm, Consumer<Destination> send, Runnable editDestinations) {
        getItems().clear();
        for (Destination d : vm.destinations()) {
            MenuItem item = new MenuItem(d.name() + (d.kind() == io.clipdesk.engine.delivery.DestinationKind.FOLDER
                    ? "  (folder)" : "  (HTTP)"));
            item.setId("send-to-" + d.id());
            item.setOnAction(e -> send.accept(d));
            getItems().add(item);
        }
        if (!vm.destinations().isEmpty()) {
            getItems().add(new SeparatorMenuItem());
        }
        MenuItem setup = new MenuItem(vm.destinations().isEmpty() ? "No destination yet: add one…"
                : "Destinations…");
        setup.setId("send-to-destinations");
        setup.setOnAction(e -> editDestinations.run());
        getItems().add(setup);
    }
}
