package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.StreamState;

import java.util.Objects;
import java.util.Optional;

/** One stream as the switcher shows it: its settings and what its ingest is doing, read together. */
public record StreamEntry(LiveStream stream, StreamState state) {

    public StreamEntry {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(state, "state");
    }

    public long id() {
        return stream.id();
    }

    public String name() {
        return stream.name();
    }

    public SourceHealth health() {
        return state.health();
    }

    /** "live", "stalled", "disconnected": the word beside the dot. */
    public String healthWord() {
        return switch (state.health()) {
            case LIVE -> "live";
            case STALLED -> "stalled";
            case DISCONNECTED -> "disconnected";
            case STARTING -> "starting";
            case STOPPED -> "stopped";
            case DISK_FULL -> "disk full";
        };
    }

    /**
     * The URL to paste into an encoder on another machine, for push streams; empty for the others (and for a stored
     * address that no longer parses, which the stream's health then explains).
     */
    public Optional<String> pushUrl(String host) {
        return pushUrl(stream, host);
    }

    /** {@link #pushUrl(String)} of a stream whose state is not read yet (one just created). */
    public static Optional<String> pushUrl(LiveStream stream, String host) {
        try {
            return PushAddress.of(stream.source()).map(a -> a.pushUrl(host, stream.mediaKey()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the source is, in the editor's words: "RTMP push", "HLS pull https://…", "File /media/a.mp4". */
    public String sourceText() {
        String uri = stream.source().uri();
        return switch (stream.source().kind()) {
            case TEST_SIGNAL -> "Test signal";
            case HLS_PULL -> "HLS pull " + uri;
            case RTMP_PUSH -> "RTMP push";
            case SRT_PUSH -> "SRT push";
            case FILE_LOOP -> "File played as live " + uri;
        };
    }
}
