package io.clipdesk.engine.clip;

/** A clip's life: recording until its range is copied, then ready until expiration. */
public enum ClipStatus {
    RECORDING, READY, FAILED, EXPIRED;

    /** The API spelling. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
