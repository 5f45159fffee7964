package io.clipdesk.engine;

/** The stream, clip or video does not exist, or no longer exists (an expired clip). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
