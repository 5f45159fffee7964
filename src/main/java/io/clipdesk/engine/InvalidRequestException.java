package io.clipdesk.engine;

/**
 * The caller asked for something the rules do not allow; the message says what and how to fix it. The one type
 * engine values and services throw for input from a person or a script (the API maps it, and only it, to 4xx).
 * It is an {@link IllegalArgumentException}, which it is, so code that guards a conversion still catches it; a plain
 * IllegalArgumentException left anywhere is a programmer's error and a 500.
 */
public class InvalidRequestException extends IllegalArgumentException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
