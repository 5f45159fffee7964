package io.clipdesk.api.http.connection;

/**
 * How long and how many: what stops slow or idle clients from holding the server. A new connection has
 * {@code headerTimeoutMs} to send its first request head, and every later request as much from its first byte;
 * a request body must arrive within {@code bodyTimeoutMs} of its head; a connection quiet between requests is
 * closed after {@code idleTimeoutMs}; one address may hold {@code maxConnectionsPerAddress} connections at once.
 * While the server answers, no read timeout runs.
 */
public record ConnectionLimits(long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs,
                               int maxConnectionsPerAddress) {

    /** Like nginx's client_header_timeout (60 s there; a head is a few hundred bytes, 10 s is generous). */
    public static final long DEFAULT_HEADER_TIMEOUT_MS = 10_000;
    /** Bodies are at most 64 KiB of JSON. */
    public static final long DEFAULT_BODY_TIMEOUT_MS = 30_000;
    /** Players fetch a segment every 2 s; a minute of silence means the viewer left. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;
    /** A browser opens 6 per host, a player a few; 64 leaves room for a proxy or a small office behind one NAT. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;

    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(DEFAULT_HEADER_TIMEOUT_MS,
            DEFAULT_BODY_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);

    public ConnectionLimits {
        if (headerTimeoutMs < 1 || bodyTimeoutMs < 1 || idleTimeoutMs < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("at least one connection per address");
        }
    }

    public ConnectionLimits withMaxConnectionsPerAddress(int count) {
        return new ConnectionLimits(headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, count);
    }
}
