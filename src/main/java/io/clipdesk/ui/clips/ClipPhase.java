package io.clipdesk.ui.clips;

import java.util.Locale;

/**
 * Where a clip is in its life as the editor sees it now: like the engine's status, except that any clip whose
 * expiration has passed on the engine's clock already reads as expired before the next poll drops it.
 */
public enum ClipPhase {
    RECORDING, READY, FAILED, EXPIRED;

    /** The CSS style class of a row in this phase. */
    public String styleClass() {
        return "clip-" + name().toLowerCase(Locale.ROOT);
    }
}
