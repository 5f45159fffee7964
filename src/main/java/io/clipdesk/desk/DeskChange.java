package io.clipdesk.desk;

import java.util.Objects;

/**
 * One change a desk follows: what kind of object, on which stream, and which one ({@code clipId} "" and
 * {@code videoId} 0 when not about a clip or video). The desk reloads what changed; the event carries no object.
 */
public record DeskChange(Subject subject, long streamId, String clipId, long videoId) {

    public enum Subject { CLIP, VIDEO, STREAM }

    public DeskChange {
        Objects.requireNonNull(subject, "subject");
        clipId = clipId == null ? "" : clipId;
    }
}
