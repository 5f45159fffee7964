package io.clipdesk.ui.clips;

import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** One permanent video: name, created · length · renditions, and "VOD pending/ready/error". */
final class VideoCell extends ListCell<VideoItem> {

    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("vod-pending");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("vod-error");

    private final Label name = new Label();
    private final Label details = new Label();
    private final Label state = new Label();
    private final VBox box = new VBox(2, name, details, state);
    private final ChangeListener<Video> statusListener =
            (o, was, now) -> showStatus(now.status());
    private VideoItem bound;

    VideoCell() {
        getStyleClass().add("video-cell");
        name.getStyleClass().add("clip-name");
        details.getStyleClass().add("clip-details");
        state.getStyleClass().add("clip-state");
        setText(null);
        setPrefWidth(0); // as wide as the list, never wider: no horizontal scroll bar
        name.setMinWidth(0);
        details.setMinWidth(0);
        state.setMinWidth(0);
    }

    @Override
    protected void updateItem(VideoItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            name.textProperty().unbind();
            details.textProperty().unbind();
            state.textProperty().unbind();
            bound.videoProperty().removeListener(statusListener);
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            showStatus(VideoStatus.READY);
            return;
        }
        bound = item;
        name.textProperty().bind(Bindings.createStringBinding(() -> item.getVideo().name(), item.videoProperty()));
        details.textProperty().bind(item.detailsProperty());
        state.textProperty().bind(item.stateTextProperty());
        item.videoProperty().addListener(statusListener);
        showStatus(item.getVideo().status());
        setGraphic(box);
    }

    private void showStatus(VideoStatus status) {
        pseudoClassStateChanged(PENDING, status == VideoStatus.PENDING);
        pseudoClassStateChanged(ERROR, status == VideoStatus.ERROR);
    }
}
