package io.clipdesk.api.events;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.wire.QueryParams;
import io.clipdesk.engine.stream.StreamService;

import java.util.List;
import java.util.OptionalLong;

/**
 * (ext) GET /streaming/events: the engine's changes as Server-Sent Events, optionally of one stream
 * ({@code ?stream_id=1}), resumed after {@code Last-Event-ID} (the header a browser's EventSource sends on
 * reconnecting, or {@code ?last_event_id=} for clients that cannot set headers).
 */
public final class EventsHandler {

    static final String EVENTS = "/streaming/events";

    private final EventHub hub;
    private final StreamService streams;

    public EventsHandler(EventHub hub, StreamService streams) {
        this.hub = hub;
        this.streams = streams;
    }

    public List<Route> routes() {
        return List.of(Route.of("GET", EVENTS, this::follow));
    }

    private void follow(ApiExchange ex) {
        QueryParams query = ex.query();
        OptionalLong streamId = query.optionalPositive("stream_id");
        if (streamId.isPresent()) {
            streams.get(streamId.getAsLong()); // an unknown stream is a 404, as its clip list
        }
        String header = ex.requestHeader("Last-Event-ID");
        String lastEventId = header != null ? header : query.optionalString("last_event_id").orElse("");
        ex.responseHeaders().set("Cache-Control", "no-store");
        // nginx and similar proxies would hold events back to fill their buffers.
        ex.responseHeaders().set("X-Accel-Buffering", "no");
        ex.startStream("text/event-stream; charset=utf-8");
        hub.join(ex, streamId, lastEventId);
    }
}
