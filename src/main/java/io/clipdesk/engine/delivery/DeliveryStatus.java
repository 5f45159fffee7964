package io.clipdesk.engine.delivery;

/** Where one send of one clip to one destination is. */
public enum DeliveryStatus {
    /** Asked for; waits for the clip to be ready. */
    WAITING,
    /** An attempt is running. */
    SENDING,
    /** An attempt failed in a way worth trying again; the next one is due at {@code nextAttemptAtMs}. */
    RETRYING,
    /** The destination has the clip. */
    SENT,
    /** Given up; the delivery's answer says why. */
    FAILED;

    public boolean finished() {
        return this == SENT || this == FAILED;
    }
}
