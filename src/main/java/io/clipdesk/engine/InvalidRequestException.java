package io.clipdesk.engine;

/** The caller asked for something the rules do not allow; the message says what and how to fix it. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
