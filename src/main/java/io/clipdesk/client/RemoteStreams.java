package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The streams of a remote server, read-only: what the editor lists to choose where to cut from. */
public final class RemoteStreams {

    private final RemoteServer server;

    public RemoteStreams(RemoteServer server) {
        this.server = server;
    }

    public List<RemoteStream> list() {
        List<RemoteStream> streams = new ArrayList<>();
        for (JsonNode node : server.get("/streaming/streams")) {
            streams.add(toStream(node));
        }
        return streams;
    }

    /** @throws io.clipdesk.engine.NotFoundException for an unknown id */
    public RemoteStream get(long streamId) {
        return toStream(server.get("/streaming/streams/" + streamId));
    }

    static RemoteStream toStream(JsonNode node) {
        return new RemoteStream(
                node.path("id").asLong(),
                node.path("name").asText(""),
                node.path("live").asBoolean(false),
                node.path("dvr_enabled").asBoolean(false),
                node.path("dvr_duration").asInt(0),
                node.path("hls_mpegts_url").asText(""),
                node.path("screenshot").asText(""),
                node.path("dvr_start").asLong(0),
                node.path("dvr_end").asLong(0));
    }
}
