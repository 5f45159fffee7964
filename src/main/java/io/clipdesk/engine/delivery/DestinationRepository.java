package io.clipdesk.engine.delivery;

import java.util.List;
import java.util.Optional;

/** The configured destinations (port). */
public interface DestinationRepository {

    /** @return the destination with its new id */
    Destination insert(Destination destination);

    void update(Destination destination);

    void delete(long id);

    Optional<Destination> find(long id);

    /** By name. */
    List<Destination> list();
}
