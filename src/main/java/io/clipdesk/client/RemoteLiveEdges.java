package io.clipdesk.client;

import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * (ext) The segments being written that the desk reads at the live edge, one {@link RemoteLiveEdge} per stream and
 * rendition, kept while the desk is open: each learns from the followed playlist when its segment is indexed.
 */
final class RemoteLiveEdges implements AutoCloseable {

    private final RemoteServer server;
    private final Clock clock;
    private final Map<String, RemoteLiveEdge> edges = new ConcurrentHashMap<>();

    RemoteLiveEdges(RemoteServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** The segment being written after the newest indexed one at {@code next}; {@code ended} runs when it ends. */
    Optional<LiveSegment> current(long streamId, String rendition, URI next, Runnable ended) {
        return edges.computeIfAbsent(streamId + "/" + rendition, key -> new RemoteLiveEdge(streamId, rendition,
                next, server, clock, ended)).current();
    }

    /** A segment of the stream showed in its playlist. */
    void indexed(long streamId, Segment segment) {
        edges.forEach((key, edge) -> {
            if (key.startsWith(streamId + "/")) {
                edge.indexed(segment);
            }
        });
    }

    @Override
    public void close() {
        edges.values().forEach(RemoteLiveEdge::close);
    }
}
