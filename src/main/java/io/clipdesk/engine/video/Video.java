package io.clipdesk.engine.video;

import io.clipdesk.engine.clip.ClipDescription;

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
        List<String> renditions,
        ClipDescription description) {

    public Video {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mediaKey, "mediaKey");
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
        renditions = List.copyOf(renditions);
    }

    /** A video nobody has described. */
    public Video(long id, String mediaKey, long streamId, String clipId, String name, VideoStatus status, String error,
                 long durationMs, long createdAtMs, List<String> renditions) {
        this(id, mediaKey, streamId, clipId, name, status, error, durationMs, createdAtMs, renditions,
                ClipDescription.EMPTY);
    }

    /** The clip's title and description, when the clip it was made from is described. */
    public Video withDescription(String newName, ClipDescription newDescription) {
        return new Video(id, mediaKey, streamId, clipId, newName, status, error, durationMs, createdAtMs, renditions,
                newDescription);
    }

    public Video withId(long newId) {
        return new Video(newId, mediaKey, streamId, clipId, name, status, error, durationMs, createdAtMs, renditions,
                description);
    }

    public Video withStatus(VideoStatus newStatus, String newError) {
        return new Video(id, mediaKey, streamId, clipId, name, newStatus, newError, durationMs, createdAtMs, renditions,
                description);
    }

    public Video withDurationMs(long newDurationMs) {
        return new Video(id, mediaKey, streamId, clipId, name, status, error, newDurationMs, createdAtMs, renditions,
                description);
    }

    /** The folder and URL name: {@code {id}_{mediaKey}}. */
    public String pathKey() {
        return id + "_" + mediaKey;
    }
}
