package io.clipdesk.engine.video;

import java.util.List;
import java.util.Optional;

/** Stored permanent videos (implemented in {@code store}). */
public interface VideoRepository {

    /** Stores a video whose id is 0 and returns it with its new id (integer, increasing, never reused). */
    Video insert(Video video);

    void update(Video video);

    Optional<Video> find(long id);

    /** Newest first. */
    List<Video> list();

    void delete(long id);
}
