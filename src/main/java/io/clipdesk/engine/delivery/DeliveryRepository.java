package io.clipdesk.engine.delivery;

import java.util.List;
import java.util.Optional;

/** Deliveries and their receipts (port). A row is written before any byte leaves, so a stop never loses one. */
public interface DeliveryRepository {

    /** @return the delivery with its new id */
    Delivery insert(Delivery delivery);

    void update(Delivery delivery);

    Optional<Delivery> find(long id);

    /** Those not sent and not failed yet, oldest first. */
    List<Delivery> unfinished();

    /** The clip's deliveries, newest first. */
    List<Delivery> ofClip(String clipId);

    /** The newest {@code limit} deliveries of any clip, newest first. */
    List<Delivery> recent(int limit);
}
