package io.clipdesk.engine.reframe;

import java.util.List;
import java.util.Optional;

/** Stored reframes (implemented in {@code store}); a clip has at most one per aspect. */
public interface ReframeRepository {

    void insert(Reframe reframe);

    void update(Reframe reframe);

    Optional<Reframe> find(String id);

    /** In aspect order. */
    List<Reframe> listByClip(String clipId);

    List<Reframe> listAll();

    void delete(String id);
}
