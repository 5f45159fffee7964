package io.clipdesk.engine;

/** A clip request with the defaults filled in and every rule checked. All times Unix seconds. */
public record ClipPlan(long startS, long durationS, long expirationS, String name) {

    public long endS() {
        return startS + durationS;
    }
}
