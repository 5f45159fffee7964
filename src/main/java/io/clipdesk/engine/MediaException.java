package io.clipdesk.engine;

/** A media operation failed (cannot open, decode, encode or write). */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
