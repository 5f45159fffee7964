package io.clipdesk.ui.clips;

import io.clipdesk.engine.Clip;
import io.clipdesk.engine.MediaPaths;
import io.clipdesk.engine.Video;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Absolute media URLs on the engine's HTTP address (JavaFX plays HLS only over http). Media needs no API key,
 * so these are also the links an editor copies. Without an http address (an engine without its API) there are
 * no links.
 */
public record MediaLinks(String base) {

    public MediaLinks {
        base = base == null ? "" : base.strip().replaceAll("/+$", "");
    }

    public boolean available() {
        return base.startsWith("http://") || base.startsWith("https://");
    }

    public PreviewSource.Links clip(Clip clip) {
        String id = clip.id();
        return links(clip.renditions(), MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMaster(id)),
                MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMasterMp4(id)),
                r -> MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipPlaylist(id, r)),
                r -> MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMp4(id, r)));
    }

    /** A video has no MP4 master: the highest rendition's MP4 stands in for it, as in Gcore's converted_videos. */
    public PreviewSource.Links video(Video video) {
        String key = video.pathKey();
        String top = highest(video.renditions()).orElse("");
        return links(video.renditions(), MediaPaths.videoUrl(key, MediaPaths.VIDEO_MASTER),
                top.isEmpty() ? "" : MediaPaths.videoUrl(key, MediaPaths.videoMp4(top)),
                r -> MediaPaths.videoUrl(key, MediaPaths.videoPlaylist(r)),
                r -> MediaPaths.videoUrl(key, MediaPaths.videoMp4(r)));
    }

    private PreviewSource.Links links(List<String> renditions, String hls, String mp4,
                                      UnaryOperator<String> hlsOf,
                                      UnaryOperator<String> mp4Of) {
        if (!available()) {
            return PreviewSource.Links.NONE;
        }
        List<PreviewSource.Rendition> rungs = renditions.stream()
                .sorted(Comparator.comparingInt(MediaLinks::height))
                .map(r -> new PreviewSource.Rendition(r, height(r), base + hlsOf.apply(r), base + mp4Of.apply(r)))
                .toList();
        return new PreviewSource.Links(base + hls, mp4.isEmpty() ? "" : base + mp4, rungs);
    }

    private static Optional<String> highest(List<String> renditions) {
        return renditions.stream().max(Comparator.comparingInt(MediaLinks::height));
    }

    /** Rendition names are {@code media_{n}_{height}}. */
    static int height(String rendition) {
        int at = rendition.lastIndexOf('_');
        try {
            return Integer.parseInt(rendition.substring(at + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
