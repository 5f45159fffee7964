package io.clipdesk.ui.delivery;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * "Send to…" and the receipts of the clip on show: the destinations, the clip's deliveries (polled twice a second
 * on the view model's own {@code ui-engine} worker, so a progress bar moves), and the destinations dialog's edits.
 * Sends themselves run on the engine's delivery threads; nothing here waits for one.
 */
public final class DeliveriesViewModel implements AutoCloseable {

    private static final long POLL_MS = 500;

    private final DeskBackend deliveries;
    private final FxBridge bridge;
    private final EngineLane lane;
    private final ZoneId zone;
    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    private final ObservableList<Delivery> receipts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** The clip whose receipts are shown; null for none. Read by the worker. */
    private volatile String clipId;

    public DeliveriesViewModel(DeskBackend deliveries, FxBridge bridge, ZoneId zone) {
        this.deliveries = deliveries;
        this.bridge = bridge;
        this.lane = new EngineLane(bridge);
        this.zone = zone;
    }

    /** Loads the destinations and starts following the receipts. FX thread. */
    public void start() {
        reloadDestinations();
        lane.every(POLL_MS, this::poll);
    }

    /** Shows the receipts of {@code shownClipId} (null: none). FX thread. */
    public void show(String shownClipId) {
        if (Objects.equals(clipId, shownClipId)) {
            return;
        }
        clipId = shownClipId;
        receipts.clear();
        lane.run(this::poll);
    }

    private void poll() {
        String id = clipId;
        List<Delivery> latest = id == null ? List.of() : deliveries.deliveries(id);
        bridge.run(() -> {
            if (Objects.equals(id, clipId) && !latest.equals(receipts)) {
                receipts.setAll(latest);
            }
        });
    }

    /** Sends the clip to the destination (by hand); the receipt appears at once. */
    public void send(String sentClipId, String clipName, Destination destination) {
        lane.call(() -> deliveries.sendClip(sentClipId, destination.id(), Delivery.BY_HAND), asked -> {
            notice.set("Sending " + clipName + " to " + destination.name() + "…");
            lane.run(this::poll);
        }, e -> notice.set("Could not send " + clipName + ": " + e.getMessage()));
    }

    public void reloadDestinations() {
        lane.call(deliveries::destinations, latest -> {
            if (!latest.equals(destinations)) {
                destinations.setAll(latest);
            }
        }, e -> notice.set(e.getMessage()));
    }

    /** Saves a destination; {@code onSaved} gets it stored, {@code onRefused} the engine's sentence. */
    public void save(Destination destination, Consumer<Destination> onSaved, Consumer<String> onRefused) {
        lane.call(() -> deliveries.saveDestination(destination), saved -> {
            reloadDestinations();
            onSaved.accept(saved);
        }, e -> onRefused.accept(e.getMessage()));
    }

    public void remove(Destination destination, Runnable onRemoved) {
        lane.call(() -> {
            deliveries.removeDestination(destination.id());
            return destination;
        }, removed -> {
            reloadDestinations();
            onRemoved.run();
        }, e -> notice.set(e.getMessage()));
    }

    public ObservableList<Destination> destinations() {
        return destinations;
    }

    /** The shown clip's deliveries, newest first. */
    public ObservableList<Delivery> receipts() {
        return receipts;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public void close() {
        lane.close();
    }
}
