package io.clipdesk.ui.streams;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every stream of the engine with its health, which one the window shows, and the stream commands (add, edit,
 * remove). Polled once a second on its own {@code ui-engine} worker and at once when an ingest reports a change
 * of health, so a stalled or lost source shows within a second. The choice of stream lasts for the session; when
 * the chosen stream goes, the first one left is shown. {@link #close()} ends the worker and the listener.
 */
public final class StreamsViewModel implements StreamDialogViewModel.Commands, AutoCloseable {

    private static final long POLL_MS = 1000;
    /** No stream chosen (the engine has none). */
    public static final long NONE = 0;

    private final DeskBackend engine;
    private final String engineAddress;
    private final FxBridge bridge;
    private final EngineLane lane;
    private final SegmentListener listener;
    private final ObservableList<StreamEntry> entries = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens weakly and would drop its listeners when collected. */
    private final ObservableList<StreamEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyLongWrapper selectedId = new ReadOnlyLongWrapper(this, "selectedId", NONE);
    private final ReadOnlyStringWrapper pushHost = new ReadOnlyStringWrapper(this, "pushHost", PushHost.LOOPBACK);
    private final ObjectBinding<StreamEntry> selected;
    private final ObjectBinding<Optional<String>> selectedPushUrl;

    /** What removing a stream throws away and what it keeps, for the confirmation. */
    public record Removal(StreamEntry entry, int unexpiredClips, int recordingClips) {
    }

    public StreamsViewModel(DeskBackend engine, FxBridge bridge) {
        this.engine = engine;
        this.engineAddress = engine.address();
        this.bridge = bridge;
        this.lane = new EngineLane(bridge);
        this.listener = new SegmentListener() {
            @Override
            public void onSegment(Segment segment) {
            }

            @Override
            public void onHealth(long streamId, SourceHealth health, String detail) {
                lane.run(StreamsViewModel.this::poll);
            }
        };
        selected = Bindings.createObjectBinding(() -> entries.stream().filter(e -> e.id() == selectedId.get())
                .findFirst().orElse(null), entries, selectedId);
        selectedPushUrl = Bindings.createObjectBinding(() -> selected.get() == null ? Optional.empty()
                : selected.get().pushUrl(pushHost.get()), selected, pushHost);
    }

    /** Reads the streams now (so the window can show one at once) and starts the poll. FX thread. */
    public void start() {
        List<StreamEntry> now = read();
        show(now);
        engine.addListener(listener);
        lane.run(() -> {
            String host = PushHost.forEngine(engineAddress);
            bridge.run(() -> pushHost.set(host));
        });
        lane.poll("the streams (" + engine.describe() + ")", POLL_MS, this::poll);
    }

    /** Shows another stream; the choice holds until the editor makes another or the stream is removed. */
    public void select(long streamId) {
        if (entries.stream().anyMatch(e -> e.id() == streamId)) {
            selectedId.set(streamId);
        }
    }

    /** Ctrl+1…9: the n-th stream of the switcher. */
    public void selectNumber(int number) {
        if (number >= 1 && number <= entries.size()) {
            selectedId.set(entries.get(number - 1).id());
        }
    }

    /** Creates the stream on the worker; on success it is listed and shown. */
    @Override
    public void create(StreamDraft draft, Consumer<LiveStream> onCreated, Consumer<RuntimeException> onFailure) {
        lane.call(() -> {
            LiveStream created = engine.createStream(draft);
            return new Created(created, read());
        }, done -> {
            show(done.entries());
            selectedId.set(done.stream().id());
            onCreated.accept(done.stream());
        }, onFailure);
    }

    private record Created(LiveStream stream, List<StreamEntry> entries) {
    }

    @Override
    public void update(long streamId, StreamPatch patch, Consumer<LiveStream> onUpdated,
                       Consumer<RuntimeException> onFailure) {
        lane.call(() -> {
            LiveStream updated = engine.updateStream(streamId, patch);
            return new Created(updated, read());
        }, done -> {
            show(done.entries());
            onUpdated.accept(done.stream());
        }, onFailure);
    }

    /** Counts what the confirmation must name, on the worker. */
    public void prepareRemoval(StreamEntry entry, Consumer<Removal> onReady, Consumer<RuntimeException> onFailure) {
        lane.call(() -> {
            List<Clip> clips = engine.clips(entry.id());
            int recording = (int) clips.stream().filter(c -> c.status() == ClipStatus.RECORDING).count();
            return new Removal(entry, clips.size(), recording);
        }, onReady, onFailure);
    }

    public void delete(long streamId, Runnable onDeleted, Consumer<RuntimeException> onFailure) {
        lane.call(() -> {
            engine.deleteStream(streamId);
            return read();
        }, now -> {
            show(now);
            onDeleted.run();
        }, onFailure);
    }

    /** The stream's state now, for the edit dialog's warnings. */
    public void state(long streamId, Consumer<StreamState> onState) {
        lane.call(() -> engine.state(streamId), onState, e -> { });
    }

    private void poll() {
        List<StreamEntry> now = read();
        bridge.run(() -> show(now));
    }

    private List<StreamEntry> read() {
        List<StreamEntry> read = new ArrayList<>();
        for (LiveStream stream : engine.streams()) {
            try {
                read.add(new StreamEntry(stream, engine.state(stream.id())));
            } catch (NotFoundException e) {
                // Removed between the list and its state: the next poll no longer lists it.
            }
        }
        return read;
    }

    private void show(List<StreamEntry> now) {
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
        if (now.stream().noneMatch(e -> e.id() == selectedId.get())) {
            selectedId.set(now.isEmpty() ? NONE : now.get(0).id());
        }
    }

    /** What the backend cannot do (a server's streams are managed on the server). */
    public Capabilities capabilities() {
        return engine.capabilities();
    }

    public ObservableList<StreamEntry> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyLongProperty selectedIdProperty() { return selectedId.getReadOnlyProperty(); }
    /** The shown stream, or null when the engine has none. */
    public ObjectBinding<StreamEntry> selectedProperty() { return selected; }
    /** The shown stream's push URL for an encoder on another machine; empty unless it is a push stream. */
    public ObjectBinding<Optional<String>> selectedPushUrlProperty() { return selectedPushUrl; }
    public ReadOnlyStringProperty pushHostProperty() { return pushHost.getReadOnlyProperty(); }

    @Override
    public void close() {
        engine.removeListener(listener);
        lane.close();
    }
}
