package io.clipdesk.engine.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Sending clips elsewhere, as a desk uses it: the destinations, "Send to…", the auto-send rules and the receipts.
 * The embedded engine's {@link DeliveryService} implements it.
 */
public interface Deliveries {

    /** By name. */
    List<Destination> destinations();

    /**
     * Stores a new destination (id 0) or changes one.
     *
     * @throws io.clipdesk.engine.InvalidRequestException a rule of {@link Destination} or a name already taken
     */
    Destination save(Destination destination);

    /** Removes a destination and its auto-send rules; sends to it not made yet fail with a receipt saying so. */
    void remove(long destinationId);

    /**
     * Sends the clip as soon as it is ready.
     *
     * @param origin {@link Delivery#BY_HAND}, or the tag of the rule that asked for it
     */
    Delivery send(String clipId, long destinationId, String origin);

    /** The clip's deliveries, newest first, with the progress of a running attempt. */
    List<Delivery> ofClip(String clipId);

    /** The newest deliveries of any clip, newest first. */
    List<Delivery> recent(int limit);

    List<AutoSend> autoSends();

    /** The destination clips with the tag go to; empty for none. */
    default Optional<AutoSend> autoSendFor(String tag) {
        return autoSends().stream().filter(r -> r.isFor(tag)).findFirst();
    }

    /**
     * Sends every clip made with {@code tag} from now on to the destination; 0 stops doing so.
     *
     * @throws io.clipdesk.engine.InvalidRequestException the tag breaks the tag rule, or the destination is unknown
     */
    void autoSend(String tag, long destinationId);
}
