package io.clipdesk.api;

/** One line per request: verb, path (never the query), status, bytes sent, milliseconds. */
final class AccessLog {

    private final System.Logger log = System.getLogger("io.clipdesk.api.access");

    void record(ApiExchange ex, long elapsedNanos) {
        if (!log.isLoggable(System.Logger.Level.INFO)) {
            return;
        }
        long ms = elapsedNanos / 1_000_000;
        log.log(System.Logger.Level.INFO, ex.method() + " " + ex.path() + " " + ex.status() + " "
                + ex.bytesSent() + " B " + ms + " ms");
    }
}
