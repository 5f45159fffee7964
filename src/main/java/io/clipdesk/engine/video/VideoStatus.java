package io.clipdesk.engine.video;

/** A permanent video's state, spelled as the API does. */
public enum VideoStatus {
    PENDING, READY, ERROR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
