package io.clipdesk.api.http;

/**
 * A request the HTTP layer itself refuses (no key, no such endpoint, wrong verb, body too large). Domain
 * refusals come from the engine's exceptions; both end in {@link ErrorMapper}.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String headerName;
    private final String headerValue;

    public HttpProblem(int status, String message) {
        this(status, message, null, null);
    }

    public HttpProblem(int status, String message, String headerName, String headerValue) {
        super(message, null, false, false);
        this.status = status;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    int status() {
        return status;
    }

    /** A header the status needs (Allow for 405, WWW-Authenticate for 401); null when none. */
    String headerName() {
        return headerName;
    }

    String headerValue() {
        return headerValue;
    }
}
