package io.clipdesk.engine.reframe;

import io.clipdesk.engine.storage.MediaPaths;

import java.util.Objects;

/**
 * A clip made again in a social shape: its own rendition (HLS + MP4) in the clip's folder, living as long as the
 * clip, and copied with it into its permanent video. {@code progress} is 0–1 while encoding (not stored: a restart
 * encodes again from the start), 1 once ready; {@code durationMs} is the MP4's, 0 until ready.
 */
public record Reframe(String id, String clipId, long streamId, ReframeAspect aspect, CropPath crop,
                      ReframeStatus status, String error, long createdAtMs, long durationMs, double progress) {

    public Reframe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(crop, "crop");
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
    }

    public Reframe withStatus(ReframeStatus newStatus, String newError) {
        return new Reframe(id, clipId, streamId, aspect, crop, newStatus, newError, createdAtMs, durationMs,
                newStatus == ReframeStatus.READY ? 1 : progress);
    }

    public Reframe withProgress(double newProgress) {
        return new Reframe(id, clipId, streamId, aspect, crop, status, error, createdAtMs, durationMs, newProgress);
    }

    public Reframe withDurationMs(long newDurationMs) {
        return new Reframe(id, clipId, streamId, aspect, crop, status, error, createdAtMs, newDurationMs, progress);
    }

    /** The multivariant-free playlist, segments and MP4 are named after the clip and the shape (MediaPaths). */
    public String playlistName() {
        return MediaPaths.reframePlaylist(clipId, aspect);
    }

    public String mp4Name() {
        return MediaPaths.reframeMp4(clipId, aspect);
    }
}
