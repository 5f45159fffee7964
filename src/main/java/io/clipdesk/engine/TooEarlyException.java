package io.clipdesk.engine;

/** The clip's media is asked for before its range has been completely copied (HTTP 425). */
public class TooEarlyException extends RuntimeException {

    private final long readyAtMs;

    public TooEarlyException(String message, long readyAtMs) {
        super(message);
        this.readyAtMs = readyAtMs;
    }

    /** When the media is expected to be ready (wall clock). */
    public long readyAtMs() {
        return readyAtMs;
    }
}
