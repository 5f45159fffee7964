package io.clipdesk.engine.stream;

import java.util.List;
import java.util.Optional;

/** Stored streams (implemented in {@code store}). */
public interface StreamRepository {

    /** Stores a stream whose id is 0 and returns it with its new id. */
    LiveStream insert(LiveStream stream);

    void update(LiveStream stream);

    Optional<LiveStream> find(long id);

    /** Oldest first. */
    List<LiveStream> list();

    void delete(long id);
}
