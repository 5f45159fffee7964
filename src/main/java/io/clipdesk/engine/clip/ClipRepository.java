package io.clipdesk.engine.clip;

import java.util.List;
import java.util.Optional;

/** Stored clips (implemented in {@code store}). Expired clips keep their row with status EXPIRED. */
public interface ClipRepository {

    void insert(Clip clip);

    void update(Clip clip);

    Optional<Clip> find(String id);

    /** Newest first (by start, then creation). */
    List<Clip> listByStream(long streamId);

    List<Clip> listByStatus(ClipStatus status);
}
