package io.clipdesk.ui;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.ui.clips.ClipsPanel;
import io.clipdesk.ui.clips.ClipsViewModel;
import io.clipdesk.ui.clips.DesktopShell;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.desk.PlaybackViewModel;
import io.clipdesk.ui.streams.StreamBar;
import io.clipdesk.ui.streams.StreamDialog;
import io.clipdesk.ui.streams.StreamDialogViewModel;
import io.clipdesk.ui.streams.StreamEntry;
import io.clipdesk.ui.streams.StreamRemoval;
import io.clipdesk.ui.streams.StreamsViewModel;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The window's content: the stream switcher on top and, under it, the desk of the chosen stream (player, timeline,
 * clip form, status bar, and its clips panel on the right). Choosing another stream closes the shown desk (its
 * player thread, engine workers and listeners) before the next one opens, so switching leaves nothing running
 * behind; a desk is also rebuilt when its stream's renditions change (a push source adopts its own picture size).
 */
public final class StreamDesk extends BorderPane implements AutoCloseable {

    private final DeskBackend engine;
    private final FrameDecoder decoder;
    private final DesktopShell shell;
    private final StreamsViewModel streams;
    private MainView desk;
    private ClipsPanel clips;
    private long deskStreamId = StreamsViewModel.NONE;
    private List<Rendition> deskRenditions = List.of();
    /** The divider between desk and clips panel: one place for every stream's desk, kept by the window. */
    private final DoubleProperty sideSplit = new SimpleDoubleProperty(this, "sideSplit", MainView.DEFAULT_SIDE_SPLIT);

    public StreamDesk(DeskBackend engine, FrameDecoder decoder, DesktopShell shell) {
        this(engine, decoder, shell, null);
    }

    /** @param onConnect opens "Connect…" (another engine for this window); null for no such button */
    public StreamDesk(DeskBackend engine, FrameDecoder decoder, DesktopShell shell, Runnable onConnect) {
        this.engine = engine;
        this.decoder = decoder;
        this.shell = shell;
        this.streams = new StreamsViewModel(engine, new FxBridge());
        getStyleClass().add("clipdesk");
        setTop(new StreamBar(streams, new StreamBar.Actions(this::add, this::edit, this::remove, onConnect), shell));
        streams.selectedIdProperty().addListener((o, was, now) -> show(now.longValue()));
        streams.start();
        show(streams.selectedIdProperty().get());
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    /** Ctrl+1…9 show the first nine streams, wherever the focus is. */
    private void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int number = i + 1;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> streams.selectNumber(number));
        }
    }

    private void show(long streamId) {
        if (streamId == deskStreamId && desk != null) {
            return;
        }
        closeDesk();
        deskStreamId = streamId;
        if (streamId == StreamsViewModel.NONE) {
            setCenter(placeholder());
            return;
        }
        desk = new MainView(engine, decoder, streamId);
        clips = new ClipsPanel(new ClipsViewModel(engine, streamId, new FxBridge(), shell));
        adjustBetween(desk, clips);
        desk.sideSplitProperty().bindBidirectional(sideSplit);
        desk.setSidePanel(clips);
        oneAtATime(desk.viewModel().playback(), clips.viewModel().preview());
        deskRenditions = desk.viewModel().streamProperty().get().renditions();
        desk.viewModel().streamProperty().addListener((o, was, now) -> renditionsMayHaveChanged(now));
        setCenter(desk);
        desk.requestFocus();
    }

    /**
     * "Adjust…" in the panel (or A at the desk) puts the selected clip's range on this desk's timeline; the corrected
     * clip takes the panel's selection. The still the reframe window is placed on is decoded as the player decodes.
     */
    private void adjustBetween(MainView shown, ClipsPanel panel) {
        panel.viewModel().setFrameDecoder(decoder);
        panel.viewModel().setAdjustOnTimeline(clip -> shown.viewModel().beginAdjust(clip, panel.viewModel()::adopt));
        shown.viewModel().setAdjustSelected(panel::adjustSelected);
    }

    /** The DVR player and the clip preview never play over each other: starting one pauses the other. */
    private static void oneAtATime(PlaybackViewModel dvr, PreviewViewModel preview) {
        dvr.playingProperty().addListener((o, was, now) -> {
            if (now) {
                preview.pause();
            }
        });
        preview.playingProperty().addListener((o, was, now) -> {
            if (now) {
                dvr.pause();
            }
        });
    }

    private void renditionsMayHaveChanged(LiveStream now) {
        if (now != null && now.id() == deskStreamId && !now.renditions().equals(deskRenditions)) {
            long id = deskStreamId;
            closeDesk();
            show(id); // the player decodes one rendition at its size: a new ladder needs a new player
        }
    }

    private void closeDesk() {
        if (clips != null) {
            clips.close();
            clips = null;
        }
        if (desk != null) {
            desk.sideSplitProperty().unbindBidirectional(sideSplit);
            desk.close();
            desk = null;
        }
        deskStreamId = StreamsViewModel.NONE;
        setCenter(null);
    }

    private VBox placeholder() {
        Label text = new Label("No streams. Add one: the test signal, an HLS pull, an RTMP or SRT push, or a file.");
        text.getStyleClass().add("caption");
        Button add = new Button("+ Add stream…");
        add.setId("placeholder-add");
        add.setOnAction(e -> add());
        VBox box = new VBox(12, text, add);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("no-streams");
        return box;
    }

    private void add() {
        open(new StreamDialogViewModel(streams, null, null, streams.pushHostProperty().get()));
    }

    private void edit() {
        StreamEntry entry = streams.selectedProperty().get();
        if (entry != null) {
            open(new StreamDialogViewModel(streams, entry.stream(), entry.state(), streams.pushHostProperty().get()));
        }
    }

    private void remove() {
        StreamEntry entry = streams.selectedProperty().get();
        if (entry != null) {
            streams.prepareRemoval(entry, removal -> StreamRemoval.confirm(removal, this::stylesheets, window(),
                    () -> streams.delete(entry.id(), () -> { }, e -> StreamRemoval.failed(entry, e, window()))),
                    e -> StreamRemoval.failed(entry, e, window()));
        }
    }

    private void open(StreamDialogViewModel vm) {
        StreamDialog dialog = new StreamDialog(vm, shell, stylesheets());
        dialog.initOwner(window());
        dialog.show();
    }

    private List<String> stylesheets() {
        return getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** The engine this desk drives. */
    public DeskBackend backend() {
        return engine;
    }

    public StreamsViewModel streams() {
        return streams;
    }

    /** The shown stream's desk, or null when the engine has no stream. */
    public MainView desk() {
        return desk;
    }

    /** Where the divider between the desk and the clips panel is (0–1 of the width); the window remembers it. */
    public DoubleProperty sideSplitProperty() {
        return sideSplit;
    }

    public ClipsPanel clipsPanel() {
        return clips;
    }

    @Override
    public void close() {
        closeDesk();
        streams.close();
    }
}
