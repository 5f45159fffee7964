package io.clipdesk.ui.clips;

import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.clips.preview.PreviewFormat;
import io.clipdesk.ui.clips.preview.PreviewSource;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.collections.ObservableList;

import java.time.ZoneId;

/**
 * The preview of what the panel's lists show: the clip or video chosen there, kept current as the lists change (a
 * recording clip turns playable, a deleted one stops), and let go before its media is deleted. FX thread.
 */
final class ListPreview implements AutoCloseable {

    private final PreviewViewModel preview;
    private final MediaLinks links;
    private final int segmentMs;
    private final ObservableList<ClipItem> clips;
    private final ObservableList<VideoItem> videos;
    private final ReadOnlyLongProperty nowMs;

    ListPreview(MediaLinks links, int segmentMs, ObservableList<ClipItem> clips, ObservableList<VideoItem> videos,
                ReadOnlyLongProperty nowMs, ZoneId zone) {
        this.preview = new PreviewViewModel(nowMs, zone);
        this.links = links;
        this.segmentMs = segmentMs;
        this.clips = clips;
        this.videos = videos;
        this.nowMs = nowMs;
    }

    PreviewViewModel model() {
        return preview;
    }

    void show(ClipItem item) {
        preview.show(source(item));
    }

    void show(VideoItem item) {
        preview.show(source(item));
    }

    void play(ClipItem item, PreviewFormat format) {
        preview.play(source(item), format);
    }

    void play(VideoItem item, PreviewFormat format) {
        preview.play(source(item), format);
    }

    /** Stops showing the clip, if it is shown: the player lets go before its media does. */
    void release(ClipItem item) {
        if (preview.sourceProperty().get().key().equals(clipKey(item))) {
            preview.show(PreviewSource.NONE);
        }
    }

    void release(VideoItem item) {
        if (preview.sourceProperty().get().key().equals("video:" + item.id())) {
            preview.show(PreviewSource.NONE);
        }
    }

    /** Keeps the preview's source current: a recording clip turns playable, a deleted one stops. */
    void refresh() {
        PreviewSource shown = preview.sourceProperty().get();
        if (shown.isNone()) {
            return;
        }
        PreviewSource fresh = clips.stream().filter(i -> shown.key().equals(clipKey(i))).findFirst()
                .map(this::source)
                .or(() -> videos.stream().filter(i -> shown.key().equals("video:" + i.id())).findFirst()
                        .map(this::source))
                .orElseGet(() -> shown.expiredAt(nowMs.get()) ? shown : shown.deleted());
        preview.show(fresh);
    }

    private PreviewSource source(ClipItem item) {
        return PreviewSource.of(item.getClip(), links, segmentMs);
    }

    /** A video's wall-clock start is its clip's cut start, known while the clip is still in the list. */
    private PreviewSource source(VideoItem item) {
        Video video = item.getVideo();
        long wallStartMs = clips.stream().filter(c -> c.id().equals(video.clipId())).findFirst()
                .map(c -> c.getClip().cutStartMs()).orElse(0L);
        return PreviewSource.of(video, links, wallStartMs);
    }

    private static String clipKey(ClipItem item) {
        return "clip:" + item.id();
    }

    @Override
    public void close() {
        preview.close();
    }
}
