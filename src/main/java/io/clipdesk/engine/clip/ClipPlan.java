package io.clipdesk.engine.clip;

import java.util.Optional;

/**
 * A clip request with the defaults filled in and every rule checked. All times Unix seconds. {@code startS} and
 * {@code durationS} are the part of the asked range the DVR can deliver (the same, unless it began before the DVR),
 * and so is {@code exactRange}.
 */
public record ClipPlan(long startS, long durationS, long expirationS, String name, Optional<ExactRange> exactRange) {

    public long endS() {
        return startS + durationS;
    }
}
