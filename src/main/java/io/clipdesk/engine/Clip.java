package io.clipdesk.engine;

import java.util.List;
import java.util.Objects;

/**
 * An instant clip. {@code startS}, {@code durationS}, {@code expirationS} are what the editor asked for
 * (Unix seconds); {@code cutStartMs}/{@code cutEndMs} the media range actually delivered (segment
 * aligned, 0 until known). {@code videoId} is 0 when no permanent video was asked for.
 */
public record Clip(
        String id,
        long streamId,
        String name,
        long startS,
        int durationS,
        long expirationS,
        long createdAtMs,
        boolean vodRequired,
        long videoId,
        List<String> renditions,
        ClipStatus status,
        String error,
        long cutStartMs,
        long cutEndMs,
        ClipAccuracy accuracy) {

    public Clip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(accuracy, "accuracy");
        renditions = List.copyOf(renditions);
        error = error == null ? "" : error;
        if (!ClipIds.isValid(id)) {
            throw new IllegalArgumentException("clip id must be 12 characters [a-z0-9]");
        }
    }

    /** The wall-clock second at which the requested range is complete. */
    public long endS() {
        return startS + durationS;
    }

    public boolean hasVideo() {
        return videoId > 0;
    }

    public Clip withStatus(ClipStatus newStatus, String newError) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId,
                renditions, newStatus, newError, cutStartMs, cutEndMs, accuracy);
    }

    public Clip withCut(long newCutStartMs, long newCutEndMs) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId,
                renditions, status, error, newCutStartMs, newCutEndMs, accuracy);
    }

    public Clip withVideo(long newVideoId) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, newVideoId > 0, newVideoId,
                renditions, status, error, cutStartMs, cutEndMs, accuracy);
    }
}
