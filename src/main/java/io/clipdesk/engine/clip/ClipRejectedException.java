package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;
/**
 * A clip request broke one rule; the message names the rule (its wire name, e.g. ADJUST_OUTSIDE_DVR, where a script
 * must tell it apart) and the allowed range.
 */
public class ClipRejectedException extends InvalidRequestException {

    /** Which rule was broken; the API maps {@link #DVR_DISABLED} to 422 and the rest to 400. */
    public enum Rule {
        DURATION, START_BEFORE_DVR, START_IN_FUTURE, EXPIRATION, NAME, DVR_DISABLED, NO_MEDIA, EXACT_RANGE,
        ADJUST_OUTSIDE_DVR, TRIM_OUTSIDE_CLIP, REFRAME_NOT_READY
    }

    private final Rule rule;

    public ClipRejectedException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
