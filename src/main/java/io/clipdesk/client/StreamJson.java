package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream as the desk knows it from a server's JSON: Clipdesk's (ext) fields where the server sends them (health,
 * source, DVR window), else what Gcore's fields allow. The renditions and the DVR window come from the stream's DVR
 * playlist once it is read, which is fresher than the JSON.
 */
final class StreamJson {

    private static final Logger LOG = Logger.getLogger(StreamJson.class.getName());
    private static final Pattern KEYED_LIVE = Pattern.compile(".*/live/([0-9]+)_([a-z0-9]+)/.*");

    private StreamJson() {
    }

    static List<LiveStream> liveStreams(JsonNode list, RemoteDvrFollower dvrs) {
        List<LiveStream> streams = new ArrayList<>();
        for (JsonNode node : list) {
            streams.add(liveStream(node, dvrs));
        }
        return streams;
    }

    static LiveStream liveStream(JsonNode node, RemoteDvrFollower dvrs) {
        long id = node.path("id").asLong();
        String hls = node.path("hls_mpegts_url").asText("");
        List<Rendition> renditions = List.of(Rendition.DEFAULT_LADDER.get(0));
        String mediaKey = "";
        if (!hls.isEmpty()) {
            Matcher keyed = KEYED_LIVE.matcher(hls);
            mediaKey = keyed.matches() ? keyed.group(2) : "";
            try {
                renditions = dvrs.dvr(id, hls).renditions();
            } catch (RuntimeException e) {
                LOG.fine(() -> "stream " + id + ": no DVR playlist yet: " + e.getMessage());
            }
        }
        int dvrS = Math.max(LiveStream.MIN_DVR_DURATION_S, Math.min(LiveStream.MAX_DVR_DURATION_S,
                node.path("dvr_duration").asInt(LiveStream.DEFAULT_DVR_DURATION_S)));
        return new LiveStream(id, node.path("name").asText("stream " + id), source(node),
                node.path("dvr_enabled").asBoolean(true), dvrS, mediaKey,
                RemoteClipService.createdAtMs(node.path("created_at").asText("")), renditions);
    }

    /** The stream's state: the DVR window of its playlist as last read, else the (ext) window of its JSON. */
    static StreamState state(long streamId, JsonNode node, Optional<RemoteDvr.Playlist> played) {
        SourceHealth health = health(node);
        DvrWindow window;
        int count;
        if (played.isPresent()) {
            window = RemoteDvrFollower.window(played.get());
            count = played.get().segments().size();
        } else {
            long startS = node.path("dvr_start").asLong(0);
            long endS = node.path("dvr_end").asLong(0);
            window = endS > startS ? new DvrWindow(startS * 1000, endS * 1000) : DvrWindow.EMPTY;
            count = 0;
        }
        String started = node.path("started_at_primary").asText("");
        return new StreamState(streamId, health, healthDetail(health), window, count,
                started.isEmpty() ? 0 : RemoteClipService.createdAtMs(started), 0);
    }

    /** What the (ext) {@code source} says; a plain server only tells a pulled source apart. */
    private static SourceSpec source(JsonNode node) {
        String uri = node.path("uri").asText("");
        String pushUrl = node.path("push_url").asText("");
        return switch (node.path("source").asText("")) {
            case "test_signal" -> SourceSpec.TEST_SIGNAL;
            case "rtmp_push" -> new SourceSpec(SourceKind.RTMP_PUSH, pushUrl.isEmpty() ? "remote" : pushUrl);
            case "srt_push" -> new SourceSpec(SourceKind.SRT_PUSH, pushUrl.isEmpty() ? "remote" : pushUrl);
            case "file_loop" -> new SourceSpec(SourceKind.FILE_LOOP, "on the server");
            default -> uri.isEmpty() ? new SourceSpec(SourceKind.RTMP_PUSH, "remote")
                    : new SourceSpec(SourceKind.HLS_PULL, uri);
        };
    }

    private static SourceHealth health(JsonNode node) {
        String wire = node.path("health").asText("");
        if (!wire.isEmpty()) {
            try {
                return SourceHealth.valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // a newer server's word: judge by "live" below
            }
        }
        return node.path("live").asBoolean(false) ? SourceHealth.LIVE : SourceHealth.DISCONNECTED;
    }

    private static String healthDetail(SourceHealth health) {
        return health == SourceHealth.LIVE ? "" : "the server says the stream is " + health.name()
                .toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
