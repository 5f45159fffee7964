package io.clipdesk.engine.delivery;

import java.util.function.LongConsumer;

/** Sends a shipment to one kind of destination (port: the transports live outside the engine). */
public interface DeliveryTransport {

    DestinationKind kind();

    /**
     * One attempt. Never throws for a failure of the destination: that is an outcome, with the destination's
     * answer. Runs on a delivery thread; may take as long as the copy takes.
     *
     * @param sentBytes told the bytes of the MP4 handed over so far, now and then
     */
    SendOutcome send(Shipment shipment, Destination destination, LongConsumer sentBytes);
}
