package io.clipdesk.engine.delivery;

import java.util.Objects;

/**
 * One clip sent to one destination, and its receipt: a row that outlives the clip and the destination (their names
 * are kept), so the editor can still read what happened to it.
 *
 * @param origin        why it was sent: {@link #BY_HAND}, or the quick marker's label for an auto-send rule
 * @param attempts      attempts started so far (an attempt cut short by a stop counts)
 * @param interruptions attempts cut short because Clipdesk stopped during them (each was resumed at the next start)
 * @param bytesSent     bytes of the MP4 handed to the destination in the current or last attempt
 * @param bytesTotal    the MP4's size; 0 until the first attempt
 * @param answer        the destination's last answer (e.g. "HTTP 201: stored") or why it failed; empty before any
 */
public record Delivery(long id, String clipId, String clipName, long destinationId, String destinationName,
                       String origin, DeliveryStatus status, int attempts, int interruptions, long bytesSent,
                       long bytesTotal, String answer, long createdAtMs, long updatedAtMs, long nextAttemptAtMs) {

    /** The origin of a clip sent with "Send to…". */
    public static final String BY_HAND = "";

    public Delivery {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(clipName, "clipName");
        Objects.requireNonNull(destinationName, "destinationName");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(answer, "answer");
        if (attempts < 0 || interruptions < 0 || bytesSent < 0 || bytesTotal < 0) {
            throw new IllegalArgumentException("counts are >= 0");
        }
    }

    /** A delivery asked for now, not stored yet. */
    static Delivery asked(String clipId, String clipName, Destination destination, String origin, long nowMs) {
        return new Delivery(0, clipId, clipName, destination.id(), destination.name(), origin,
                DeliveryStatus.WAITING, 0, 0, 0, 0, "", nowMs, nowMs, nowMs);
    }

    public Delivery withId(long newId) {
        return new Delivery(newId, clipId, clipName, destinationId, destinationName, origin, status, attempts,
                interruptions, bytesSent, bytesTotal, answer, createdAtMs, updatedAtMs, nextAttemptAtMs);
    }

    Delivery sending(long totalBytes, long nowMs) {
        return new Delivery(id, clipId, clipName, destinationId, destinationName, origin, DeliveryStatus.SENDING,
                attempts + 1, interruptions, 0, totalBytes, answer, createdAtMs, nowMs, nowMs);
    }

    Delivery progressed(long sentBytes) {
        return new Delivery(id, clipId, clipName, destinationId, destinationName, origin, status, attempts,
                interruptions, sentBytes, bytesTotal, answer, createdAtMs, updatedAtMs, nextAttemptAtMs);
    }

    Delivery settled(DeliveryStatus newStatus, String newAnswer, long nowMs, long nextAtMs) {
        long sent = newStatus == DeliveryStatus.SENT ? bytesTotal : bytesSent;
        return new Delivery(id, clipId, clipName, destinationId, destinationName, origin, newStatus, attempts,
                interruptions, sent, bytesTotal, newAnswer, createdAtMs, nowMs, nextAtMs);
    }

    /** An attempt that was running when Clipdesk stopped: due again now, and counted. */
    Delivery interrupted(long nowMs) {
        return new Delivery(id, clipId, clipName, destinationId, destinationName, origin, DeliveryStatus.RETRYING,
                attempts, interruptions + 1, 0, bytesTotal, "Clipdesk stopped during attempt " + attempts
                + "; sending again", createdAtMs, nowMs, nowMs);
    }

    /** 0–1 of the MP4 handed over in the current attempt (1 once sent). */
    public double progress() {
        if (status == DeliveryStatus.SENT) {
            return 1;
        }
        return bytesTotal == 0 ? 0 : Math.min(1, (double) bytesSent / bytesTotal);
    }

    public boolean byHand() {
        return origin.isEmpty();
    }
}
