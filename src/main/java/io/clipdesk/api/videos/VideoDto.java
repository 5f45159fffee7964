package io.clipdesk.api.videos;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.Video;

import java.util.ArrayList;
import java.util.List;

/**
 * The permanent Video object of API.md ({@code duration} in ms, as Gcore); {@code description} is Gcore's own field,
 * {@code tags} and {@code created_by} are (ext).
 */
public record VideoDto(
        long id,
        String name,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        long duration,
        String hlsUrl,
        List<ConvertedVideo> convertedVideos,
        String screenshot,
        long streamId,
        String createdAt,
        String clipId,
        String description,
        List<String> tags,
        String createdBy) {

    /** One downloadable rendition; {@code id} numbers them within the video. */
    record ConvertedVideo(int id, String name, int height, String mp4Url) {
    }

    public static VideoDto of(Video video, ApiExchange exchange) {
        List<ConvertedVideo> converted = new ArrayList<>();
        for (int i = 0; i < video.renditions().size(); i++) {
            String rendition = video.renditions().get(i);
            converted.add(new ConvertedVideo(i + 1, rendition, heightOf(rendition),
                    exchange.absolute(MediaPaths.videoUrl(video.pathKey(), MediaPaths.videoMp4(rendition)))));
        }
        return new VideoDto(
                video.id(),
                video.name(),
                video.status().wire(),
                video.error().isEmpty() ? null : video.error(),
                video.durationMs(),
                exchange.absolute(MediaPaths.videoUrl(video.pathKey(), MediaPaths.VIDEO_MASTER)),
                converted,
                exchange.absolute(MediaPaths.videoUrl(video.pathKey(), MediaPaths.SCREENSHOT)),
                video.streamId(),
                WireTime.iso(video.createdAtMs()),
                video.clipId().isEmpty() ? null : video.clipId(),
                video.description().description(),
                video.description().tags(),
                video.description().createdBy());
    }

    /** media_2_720 → 720. */
    static int heightOf(String rendition) {
        int underscore = rendition.lastIndexOf('_');
        try {
            return Integer.parseInt(rendition.substring(underscore + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }
}
