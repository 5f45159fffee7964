package io.clipdesk.engine;

/** The metadata store failed (disk full, corrupt database). Never shown to clients verbatim. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
