package io.clipdesk.engine.change;

import java.util.Locale;

/**
 * What changed in the engine, as told to every desk and script that follows it ({@link ChangeLog}). The wire name
 * ({@code clip_created}) is the Server-Sent Event's name.
 */
public enum ChangeType {
    CLIP_CREATED(Subject.CLIP),
    /** Renamed, described, or asked to be kept as a video. */
    CLIP_UPDATED(Subject.CLIP),
    CLIP_READY(Subject.CLIP),
    CLIP_FAILED(Subject.CLIP),
    CLIP_DELETED(Subject.CLIP),
    CLIP_EXPIRED(Subject.CLIP),
    VIDEO_CREATED(Subject.VIDEO),
    VIDEO_UPDATED(Subject.VIDEO),
    VIDEO_READY(Subject.VIDEO),
    VIDEO_ERROR(Subject.VIDEO),
    VIDEO_DELETED(Subject.VIDEO),
    STREAM_CREATED(Subject.STREAM),
    /** Renamed, its DVR or source changed, or its source brought another ladder. */
    STREAM_UPDATED(Subject.STREAM),
    STREAM_DELETED(Subject.STREAM),
    /** The ingest's health changed (live, stalled, disconnected, disk full, stopped). */
    STREAM_HEALTH(Subject.STREAM);

    /** Which kind of object changed. */
    public enum Subject { CLIP, VIDEO, STREAM }

    private final Subject subject;

    ChangeType(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    /** The object is gone after this change: nothing left to fetch, followers drop it. */
    public boolean gone() {
        return this == CLIP_DELETED || this == CLIP_EXPIRED || this == VIDEO_DELETED || this == STREAM_DELETED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a wire name, if it is one. */
    public static java.util.Optional<ChangeType> ofWireName(String wireName) {
        for (ChangeType type : values()) {
            if (type.wireName().equals(wireName)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
