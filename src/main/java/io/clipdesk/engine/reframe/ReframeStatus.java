package io.clipdesk.engine.reframe;

import java.util.Locale;

/** A reframe waits its turn, is encoded, then is ready or failed (with its reason). */
public enum ReframeStatus {
    QUEUED, ENCODING, READY, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean inFlight() {
        return this == QUEUED || this == ENCODING;
    }
}
