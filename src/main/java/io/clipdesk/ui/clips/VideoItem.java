package io.clipdesk.ui.clips;

import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.preview.MediaLinks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One row of the permanent videos list, replaced in place at each poll. */
public final class VideoItem {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReadOnlyObjectWrapper<Video> video;
    private final StringBinding stateText;
    private final StringBinding details;

    VideoItem(Video initial, ZoneId zone) {
        video = new ReadOnlyObjectWrapper<>(this, "video", initial);
        stateText = Bindings.createStringBinding(() -> {
            Video v = video.get();
            return "VOD " + v.status().wire() + (v.error().isBlank() ? "" : ": " + v.error());
        }, video);
        details = Bindings.createStringBinding(() -> {
            Video v = video.get();
            return CREATED.format(Instant.ofEpochMilli(v.createdAtMs()).atZone(zone)) + " · "
                    + (v.durationMs() > 0 ? ClipCountdown.span(v.durationMs()) + " · " : "")
                    + v.renditions().stream().map(r -> MediaLinks.height(r) + "p").collect(Collectors.joining(" "));
        }, video);
    }

    void update(Video latest) {
        video.set(latest);
    }

    public long id() {
        return video.get().id();
    }

    public Video getVideo() {
        return video.get();
    }

    public ReadOnlyObjectProperty<Video> videoProperty() {
        return video.getReadOnlyProperty();
    }

    /** "VOD pending", "VOD ready", "VOD error: reason". */
    public StringBinding stateTextProperty() {
        return stateText;
    }

    /** Created (local), length, renditions. */
    public StringBinding detailsProperty() {
        return details;
    }
}
