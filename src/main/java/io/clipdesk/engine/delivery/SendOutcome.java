package io.clipdesk.engine.delivery;

import java.util.Objects;

/**
 * What one attempt came to, as a transport judges it.
 *
 * @param answer the destination's answer in a line, e.g. "HTTP 503: busy" or "written to /srv/in/goal.mp4"
 */
public record SendOutcome(Result result, String answer) {

    public enum Result {
        /** The destination has the clip. */
        DELIVERED,
        /** Failed for a reason that may pass (a 5xx, a timeout, a connection refused, a full disk). */
        RETRY,
        /** Refused for a reason that trying again will not change (a 4xx such as a bad token). */
        REFUSED
    }

    public SendOutcome {
        Objects.requireNonNull(result, "result");
        answer = Objects.requireNonNull(answer, "answer").strip();
    }

    public static SendOutcome delivered(String answer) {
        return new SendOutcome(Result.DELIVERED, answer);
    }

    public static SendOutcome retry(String answer) {
        return new SendOutcome(Result.RETRY, answer);
    }

    public static SendOutcome refused(String answer) {
        return new SendOutcome(Result.REFUSED, answer);
    }
}
