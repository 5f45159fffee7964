package io.clipdesk.ui.streams;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.ui.clips.DesktopShell;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window's top bar: every stream as a chip with its health (Tab to reach them, arrows to move, Space to show;
 * Ctrl+1…9 from anywhere) and add / edit / remove; under them, the shown stream's source and, for a push stream,
 * the URL to paste into the encoder with a Copy button. The second line is always there, so switching between a
 * push stream and another never moves the desk. Binds to {@link StreamsViewModel}; the dialogs are the window's, reached through the callbacks.
 */
public final class StreamBar extends VBox {

    /** What the buttons ask of the window (it owns the dialogs); {@code connect} null: no "Connect…" button. */
    public record Actions(Runnable add, Runnable edit, Runnable remove, Runnable connect) {

        public Actions(Runnable add, Runnable edit, Runnable remove) {
            this(add, edit, remove, null);
        }
    }

    private final StreamsViewModel vm;
    private final HBox chips = new HBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<Long, StreamChip> byId = new HashMap<>();

    public StreamBar(StreamsViewModel vm, Actions actions, DesktopShell shell) {
        this.vm = vm;
        getStyleClass().add("stream-bar");
        setId("stream-bar");

        Label title = new Label("Streams");
        title.getStyleClass().add("caption");
        title.setMinWidth(Region.USE_PREF_SIZE);
        chips.getStyleClass().add("stream-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        ScrollPane strip = new ScrollPane(chips);
        strip.getStyleClass().add("stream-strip");
        strip.setFitToHeight(true);
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        strip.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        strip.setFocusTraversable(false);
        strip.setMinViewportWidth(120);
        HBox.setHgrow(strip, Priority.NEVER); // as wide as its chips; squeezed (and scrolled) only when they overflow

        Button add = button("+ Add…", "stream-add", "Add a stream: test signal, HLS pull, RTMP or SRT push, a file",
                actions.add());
        Button edit = button("Edit…", "stream-edit", "Rename the shown stream, change its source or its DVR",
                actions.edit());
        Button remove = button("Remove…", "stream-remove", "Stop and remove the shown stream", actions.remove());
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        remove.disableProperty().bind(vm.selectedProperty().isNull());

        for (Button b : List.of(add, edit, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox commands = new HBox(8, add, edit, remove);
        commands.setAlignment(Pos.CENTER_LEFT);
        vm.capabilities().whyNot(Capabilities.Feature.EDIT_STREAMS).ifPresent(why -> {
            // Greyed with the reason: a disabled button shows no tooltip, the box around it does.
            for (Button b : List.of(add, edit, remove)) {
                b.disableProperty().unbind();
                b.setDisable(true);
            }
            Tooltip.install(commands, new Tooltip(why));
            commands.setAccessibleHelp(why);
            commands.setId("stream-commands-greyed");
        });
        HBox switcher = new HBox(8, title, strip, commands);
        if (actions.connect() != null) {
            Region push = new Region();
            HBox.setHgrow(push, Priority.ALWAYS);
            Button connect = button("Connect…", "desk-connect", "Drive a Clipdesk server, or this machine's engine",
                    actions.connect());
            connect.setMinWidth(Region.USE_PREF_SIZE);
            switcher.getChildren().addAll(push, connect);
        }
        strip.setMinWidth(120);
        switcher.setAlignment(Pos.CENTER_LEFT);
        switcher.getStyleClass().add("stream-switcher");

        Label source = new Label();
        source.setId("stream-source");
        source.getStyleClass().add("stream-source");
        source.setMinWidth(0);
        source.textProperty().bind(vm.selectedProperty().map(StreamEntry::sourceText).orElse(""));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox info = new HBox(8, source, gap, pushArea(shell));
        info.setAlignment(Pos.CENTER_LEFT);
        info.getStyleClass().add("stream-info");
        getChildren().addAll(switcher, info);

        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one stream is always shown: clicking the shown chip keeps it
            } else if (now instanceof StreamChip chip) {
                vm.select(chip.entry().id());
            }
        });
        vm.entries().addListener((ListChangeListener<StreamEntry>) c -> fill(vm.entries()));
        vm.selectedIdProperty().addListener((o, was, now) -> showSelected());
        fill(vm.entries());
    }

    private HBox pushArea(DesktopShell shell) {
        Label label = new Label("Encoder pushes to");
        label.getStyleClass().add("caption");
        TextField url = new TextField();
        url.setId("stream-push-url");
        url.setEditable(false);
        url.getStyleClass().add("push-url");
        url.setMinWidth(Region.USE_PREF_SIZE); // the key is the end of the URL: never cut it off
        url.textProperty().addListener((o, was, now) -> url.setPrefColumnCount(Math.max(20, now.length() + 1)));
        url.setTooltip(new Tooltip("Paste into the encoder (OBS: Settings → Stream → Service: Custom → Server)"));
        url.textProperty().bind(vm.selectedPushUrlProperty().map(o -> o.orElse("")));
        Button copy = button("Copy", "stream-push-copy", "Copy the push URL", () -> shell.copy(url.getText()));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox area = new HBox(6, label, url, copy);
        area.getStyleClass().add("push-area");
        area.setAlignment(Pos.CENTER_LEFT);
        area.visibleProperty().bind(vm.selectedPushUrlProperty().map(Optional::isPresent)); // keeps its height
        return area;
    }

    /** Keeps one chip per stream in the engine's order; a chip that stays keeps its focus. */
    private void fill(List<StreamEntry> entries) {
        Map<Long, StreamChip> left = new HashMap<>(byId);
        List<StreamChip> ordered = new ArrayList<>();
        for (StreamEntry e : entries) {
            StreamChip chip = left.remove(e.id());
            if (chip == null) {
                chip = new StreamChip(e, ordered.size() + 1);
                chip.setToggleGroup(group);
                byId.put(e.id(), chip);
            } else {
                chip.show(e, ordered.size() + 1);
            }
            ordered.add(chip);
        }
        for (StreamChip gone : left.values()) {
            gone.setToggleGroup(null);
            byId.remove(gone.entry().id());
        }
        if (!chips.getChildren().equals(ordered)) {
            chips.getChildren().setAll(ordered);
        }
        showSelected();
    }

    private void showSelected() {
        StreamChip chip = byId.get(vm.selectedIdProperty().get());
        if (chip != null && !chip.isSelected()) {
            chip.setSelected(true);
        }
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
