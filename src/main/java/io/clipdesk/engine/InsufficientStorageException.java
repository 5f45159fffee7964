package io.clipdesk.engine;

/** Something asked for cannot be stored: the data dir's disk lacks the room. Refused before anything is written. */
public class InsufficientStorageException extends RuntimeException {

    public InsufficientStorageException(String message) {
        super(message);
    }
}
