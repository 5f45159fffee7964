package io.clipdesk.desk;

import io.clipdesk.engine.change.ChangeEvent;

import java.util.Objects;

/**
 * One change a desk follows: what kind of object, on which stream, and which one ({@code clipId} "" and
 * {@code videoId} 0 when not about a clip or video). The desk reloads what changed; the event carries no object.
 */
public record DeskChange(Subject subject, long streamId, String clipId, long videoId) {

    public enum Subject {
        CLIP, VIDEO, STREAM,
        /**
         * The backend cannot say what changed (it has just reconnected to a server that restarted, or was away longer
         * than the server remembers): reload everything.
         */
        ALL,
        /** The backend's connection changed (lost, back): {@link ChangeFeed#trouble()} says how it is now. */
        CONNECTION
    }

    /** What a desk reloads for an engine's change. */
    public static DeskChange of(ChangeEvent event) {
        Subject subject = switch (event.type().subject()) {
            case CLIP -> Subject.CLIP;
            case VIDEO -> Subject.VIDEO;
            case STREAM -> Subject.STREAM;
        };
        return new DeskChange(subject, event.streamId(), event.clipId(), event.videoId());
    }

    /** Reload everything ({@link Subject#ALL}). */
    public static DeskChange everything() {
        return new DeskChange(Subject.ALL, 0, "", 0);
    }

    /** The connection changed ({@link Subject#CONNECTION}). */
    public static DeskChange connection() {
        return new DeskChange(Subject.CONNECTION, 0, "", 0);
    }

    /** Whether a desk showing {@code shownStreamId} reloads its clips and videos for this change. */
    public boolean concernsClipsOf(long shownStreamId) {
        return switch (subject) {
            case CLIP -> streamId == shownStreamId;
            case VIDEO, ALL -> true;
            case STREAM, CONNECTION -> false;
        };
    }

    public DeskChange {
        Objects.requireNonNull(subject, "subject");
        clipId = clipId == null ? "" : clipId;
    }
}
