package io.clipdesk.client;

/**
 * A remote clip server could not be reached, refused the key, or failed; the message says which.
 * {@link #retryable()} says whether the same call may be made again as it is: never for a create the server may
 * have half-made, so a clip asked for once is never made twice behind the editor's back.
 */
public class RemoteCallException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    /** A call that is not to be repeated as it is (refused, untrusted, interrupted). */
    public RemoteCallException(String message, Throwable cause) {
        this(message, cause, 0, false);
    }

    /**
     * @param status    the HTTP status, 0 when no answer came
     * @param retryable whether repeating the call cannot do twice what the server may have done once
     */
    public RemoteCallException(String message, Throwable cause, int status, boolean retryable) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status of the answer, 0 when none came (the server was unreachable or the connection broke). */
    public int status() {
        return status;
    }

    /**
     * Whether the call may be made again as it is: the server said so ({@code x-should-retry}), or it is a read
     * or a delete that failed on the way or in the server, or the request never left this machine. A create or
     * change that failed after it was sent is not: the server answers such a failure {@code x-should-retry: false}
     * and the editor is told instead.
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * The one rule for {@link #retryable()}.
     *
     * @param method      the HTTP method of the call
     * @param status      the answer's status, 0 when none came
     * @param shouldRetry the answer's {@code x-should-retry} header, null when absent
     * @param neverSent   the request certainly did not reach the server (the connection was never made)
     */
    static boolean retryable(String method, int status, String shouldRetry, boolean neverSent) {
        if (shouldRetry != null && !shouldRetry.isBlank()) {
            return Boolean.parseBoolean(shouldRetry.strip());
        }
        if (neverSent) {
            return true;
        }
        boolean repeatable = method.equals("GET") || method.equals("HEAD") || method.equals("DELETE");
        if (status == 0) {
            return repeatable;
        }
        return repeatable && (status == 408 || status == 429 || status >= 500);
    }
}
