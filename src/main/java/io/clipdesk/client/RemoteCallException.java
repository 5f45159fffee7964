package io.clipdesk.client;

/** A remote clip server could not be reached, refused the key, or failed; the message says which. */
public class RemoteCallException extends RuntimeException {

    public RemoteCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
