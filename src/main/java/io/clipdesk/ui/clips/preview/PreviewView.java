package io.clipdesk.ui.clips.preview;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The preview player: picture (or why there is none), play/pause, a scrubber that follows playback except while
 * the editor drags it, HLS/MP4 and rendition pickers, and the time in clip and wall-clock terms.
 */
public final class PreviewView extends VBox {

    private final PreviewViewModel vm;
    private final Slider scrubber = new Slider(0, 1, 0);
    private boolean following;

    public PreviewView(PreviewViewModel vm) {
        this.vm = vm;
        getStyleClass().add("preview");

        MediaView picture = new MediaView();
        picture.setId("preview-picture");
        picture.setPreserveRatio(true);
        picture.mediaPlayerProperty().bind(vm.playerProperty());
        Label message = new Label();
        message.setId("preview-message");
        message.getStyleClass().add("preview-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        Label wallTime = new Label();
        wallTime.setId("preview-wall-time");
        wallTime.getStyleClass().add("preview-wall-time");
        wallTime.textProperty().bind(vm.wallTimeTextProperty());
        wallTime.visibleProperty().bind(vm.playerProperty().isNotNull().and(vm.messageProperty().isEmpty())
                .and(vm.wallTimeTextProperty().isNotEmpty()));
        StackPane.setAlignment(wallTime, Pos.TOP_LEFT);
        StackPane.setMargin(wallTime, new Insets(6));
        StackPane screen = new StackPane(picture, message, wallTime);
        screen.getStyleClass().add("preview-screen");
        // The picture follows the screen's size and never sets it (that would feed back and grow without end):
        // the screen is as wide as the panel and 16:9 of that.
        screen.setMinSize(0, 120);
        screen.setPrefWidth(1);
        screen.setMaxWidth(Double.MAX_VALUE);
        screen.prefHeightProperty().bind(screen.widthProperty().multiply(9.0 / 16));
        screen.setMaxHeight(Region.USE_PREF_SIZE);
        picture.fitWidthProperty().bind(screen.widthProperty().subtract(2));
        picture.fitHeightProperty().bind(screen.heightProperty().subtract(2));
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);

        Button play = new Button();
        play.setId("preview-play");
        play.getStyleClass().add("preview-play");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("❚❚").otherwise("▶"));
        play.disableProperty().bind(vm.playerProperty().isNull());
        play.setOnAction(e -> vm.playPause());
        play.setFocusTraversable(false);

        scrubber.setId("preview-scrubber");
        scrubber.setFocusTraversable(false);
        scrubber.maxProperty().bind(Bindings.createDoubleBinding(() -> (double) Math.max(1, vm.durationMsProperty().get()),
                vm.durationMsProperty()));
        scrubber.disableProperty().bind(vm.playerProperty().isNull());
        vm.positionMsProperty().addListener((o, was, now) -> follow(now.longValue()));
        scrubber.valueChangingProperty().addListener((o, was, dragging) -> {
            if (!dragging) {
                vm.seek((long) scrubber.getValue());
            }
        });
        // A click on the track moves the thumb without a drag; the player follows.
        scrubber.valueProperty().addListener((o, was, now) -> {
            if (!following && !scrubber.isValueChanging()) {
                vm.seek(now.longValue());
            }
        });
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        HBox transport = new HBox(6, play, scrubber);
        transport.setAlignment(Pos.CENTER_LEFT);
        transport.getStyleClass().add("preview-transport");

        ToggleGroup formats = new ToggleGroup();
        ToggleButton hls = format("HLS", PreviewFormat.HLS, formats);
        ToggleButton mp4 = format("MP4", PreviewFormat.MP4, formats);
        vm.formatProperty().addListener((o, was, now) -> formats.selectToggle(now == PreviewFormat.HLS ? hls : mp4));
        formats.selectToggle(vm.formatProperty().get() == PreviewFormat.HLS ? hls : mp4);
        formats.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                formats.selectToggle(was); // one format is always chosen
            } else {
                vm.chooseFormat((PreviewFormat) now.getUserData());
            }
        });

        ComboBox<String> rendition = new ComboBox<>();
        rendition.setId("preview-rendition");
        rendition.setFocusTraversable(false);
        rendition.setButtonCell(new RenditionCell());
        rendition.setCellFactory(v -> new RenditionCell());
        vm.renditionsProperty().addListener((o, was, now) -> fillRenditions(rendition));
        fillRenditions(rendition);
        vm.renditionProperty().addListener((o, was, now) -> rendition.setValue(now));
        rendition.valueProperty().addListener((o, was, now) -> {
            if (now != null) { // null only while the choices are refilled
                vm.chooseRendition(now);
            }
        });

        Label clipTime = new Label();
        clipTime.setId("preview-clip-time");
        clipTime.getStyleClass().add("preview-time");
        clipTime.textProperty().bind(vm.clipTimeTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox options = new HBox(6, hls, mp4, rendition, spacer, clipTime);
        options.setAlignment(Pos.CENTER_LEFT);
        options.getStyleClass().add("preview-options");

        getChildren().addAll(screen, transport, options);
    }

    private void follow(long positionMs) {
        if (scrubber.isValueChanging()) {
            return; // the editor is dragging: the thumb is theirs
        }
        following = true;
        scrubber.setValue(positionMs);
        following = false;
    }

    private void fillRenditions(ComboBox<String> box) {
        List<String> names = new ArrayList<>();
        names.add("");
        vm.renditionsProperty().get().forEach(r -> names.add(r.name()));
        box.getItems().setAll(names);
        box.setValue(vm.renditionProperty().get());
    }

    private ToggleButton format(String text, PreviewFormat value, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId("preview-" + text.toLowerCase(Locale.ROOT));
        b.setUserData(value);
        b.setToggleGroup(group);
        b.setFocusTraversable(false);
        b.getStyleClass().add("preview-format");
        return b;
    }

    /** "Auto" for the master, else the rendition's height. */
    private static final class RenditionCell extends ListCell<String> {
        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(empty || name == null ? null : name.isEmpty() ? "Auto" : MediaLinks.height(name) + "p");
        }
    }
}
