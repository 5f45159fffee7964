package io.clipdesk.client;

import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.clip.Clip;

import java.util.Objects;
import java.util.Optional;

/**
 * One change on a remote server as {@link RemoteChangeFeed} hands it on: the event (its ids, type and time) and, for a
 * clip or a stream that still exists, the object as the server sent it, so nothing needs fetching.
 */
public record RemoteChange(ChangeEvent event, Optional<Clip> clip, Optional<RemoteStream> stream) {

    public RemoteChange {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(stream, "stream");
    }
}
