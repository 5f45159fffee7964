package io.clipdesk.ui.clips.preview;

import io.clipdesk.desk.MediaUrls;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.video.Video;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A clip's or video's media links as the preview and the copy buttons use them: the backend's {@link MediaUrls}
 * with the renditions sorted by height. Media needs no API key, so these are also the links an editor copies.
 * Without an http address (an engine without its API) there are no links.
 */
public record MediaLinks(MediaUrls urls) {

    public MediaLinks {
        Objects.requireNonNull(urls, "urls");
    }

    /** Clipdesk's media layout under {@code base}, e.g. {@code http://127.0.0.1:8080}. */
    public MediaLinks(String base) {
        this(MediaUrls.under(base));
    }

    public boolean available() {
        return urls.available();
    }

    public PreviewSource.Links clip(Clip clip) {
        return links(clip.renditions(), urls.clipMaster(clip), urls.clipMasterMp4(clip),
                r -> urls.clipPlaylist(clip, r), r -> urls.clipMp4(clip, r));
    }

    /** A video has no MP4 master: the highest rendition's MP4 stands in for it, as in Gcore's converted_videos. */
    public PreviewSource.Links video(Video video) {
        String top = highest(video.renditions()).orElse("");
        return links(video.renditions(), urls.videoMaster(video), top.isEmpty() ? "" : urls.videoMp4(video, top),
                r -> urls.videoPlaylist(video, r), r -> urls.videoMp4(video, r));
    }

    private PreviewSource.Links links(List<String> renditions, String hls, String mp4, UnaryOperator<String> hlsOf,
                                      UnaryOperator<String> mp4Of) {
        if (!available() || hls.isEmpty()) {
            return PreviewSource.Links.NONE;
        }
        List<PreviewSource.Rendition> rungs = renditions.stream()
                .sorted(Comparator.comparingInt(MediaLinks::height))
                .map(r -> new PreviewSource.Rendition(r, height(r), hlsOf.apply(r), mp4Of.apply(r)))
                .filter(r -> !r.hls().isEmpty())
                .toList();
        return new PreviewSource.Links(hls, mp4, rungs);
    }

    private static Optional<String> highest(List<String> renditions) {
        return renditions.stream().max(Comparator.comparingInt(MediaLinks::height));
    }

    /** Rendition names are {@code media_{n}_{height}}. */
    public static int height(String rendition) {
        int at = rendition.lastIndexOf('_');
        try {
            return Integer.parseInt(rendition.substring(at + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
