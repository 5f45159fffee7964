package io.clipdesk.engine.change;

import java.util.Objects;

/**
 * One change in the engine. {@code id} is {@code <epoch>-<sequence>} ({@link ChangeLog}); {@code streamId} is the
 * stream the object belongs to (every clip and video has one), {@code clipId} the clip changed or the clip a video
 * was made from ("" for none), {@code videoId} the video changed or the clip's video (0 for none); {@code atMs} is
 * the engine clock's wall time of the change.
 */
public record ChangeEvent(String id, ChangeType type, long streamId, String clipId, long videoId, long atMs) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        clipId = clipId == null ? "" : clipId;
    }

    /** The place of this event in its epoch (the part of the id after the dash). */
    public long sequence() {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
