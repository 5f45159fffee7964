package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a server, before a desk opens on it, is one: reachable, takes the key, and answers
 * {@code GET /streaming/streams} with a list; and whether it is a Clipdesk server or speaks only Gcore's API.
 */
final class ServerCheck {

    private ServerCheck() {
    }

    /**
     * @return true for a Clipdesk server, false for a plain Gcore-compatible one
     * @throws RemoteCallException with one sentence for each way it is not a usable server
     */
    static boolean isClipdesk(RemoteServer server) {
        RemoteServer.Probe probe = server.probe("/streaming/streams");
        String where = server.base().toString();
        if (probe.status() == 401 || probe.status() == 403) {
            throw new RemoteCallException("The server at " + where + " refused the API key: check it (a Clipdesk "
                    + "server prints its key on first start and keeps it in its data folder as api-key).", null);
        }
        if (probe.status() != 200 || !probe.json().isArray()) {
            throw new RemoteCallException(where + " does not answer like a Clipdesk or Gcore streaming server "
                    + "(GET /streaming/streams gave " + (probe.status() == 200 ? "no list of streams"
                    : "HTTP " + probe.status()) + ").", null);
        }
        return isClipdesk(server, probe.json());
    }

    /** Clipdesk's (ext) stream fields, or its (ext) health route when there is no stream to look at. */
    private static boolean isClipdesk(RemoteServer server, JsonNode streams) {
        if (streams.size() > 0) {
            return streams.get(0).has("health") && streams.get(0).has("dvr_start");
        }
        try {
            RemoteServer.Probe health = server.probe("/health");
            return health.status() == 200 && health.json().has("disk_free_bytes");
        } catch (RemoteCallException e) {
            return false;
        }
    }
}
