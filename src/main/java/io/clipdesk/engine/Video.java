package io.clipdesk.engine;

import java.util.List;
import java.util.Objects;

/**
 * A permanent copy of a clip ({@code vod_required}); never expires. {@code id} is 0 until stored.
 * {@code mediaKey} makes its media URLs unguessable: {@code /videos/{id}_{mediaKey}/...}.
 */
public record Video(
        long id,
        String mediaKey,
        long streamId,
        String clipId,
        String name,
        VideoStatus status,
        String error,
        long durationMs,
        long createdAtMs,
        List<String> renditions) {

    public Video {
        Objects.requireNonNull(mediaKey, "mediaKey");
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
        renditions = List.copyOf(renditions);
    }

    public Video withId(long newId) {
        return new Video(newId, mediaKey, streamId, clipId, name, status, error, durationMs, createdAtMs, renditions);
    }

    public Video withStatus(VideoStatus newStatus, String newError) {
        return new Video(id, mediaKey, streamId, clipId, name, newStatus, newError, durationMs, createdAtMs, renditions);
    }

    public Video withDurationMs(long newDurationMs) {
        return new Video(id, mediaKey, streamId, clipId, name, status, error, newDurationMs, createdAtMs, renditions);
    }

    /** The folder and URL name: {@code {id}_{mediaKey}}. */
    public String pathKey() {
        return id + "_" + mediaKey;
    }
}
