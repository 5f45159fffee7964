package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipPolicy;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.clip.ClipStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ClipService} over HTTP against a Gcore-compatible server. Gcore addresses clips through their stream,
 * so the service remembers which stream each clip it has seen belongs to, and searches the streams otherwise.
 * Clipdesk's extensions (name, status, cut range) are used when present; on Gcore the status is derived from
 * the clock (ready once start + duration has passed).
 */
public final class RemoteClipService implements ClipService {

    private static final long CLOCK_MARGIN_S = 5;

    private final RemoteServer server;
    private final Clock clock;
    private final Map<String, Long> streamOfClip = new ConcurrentHashMap<>();
    private final Map<String, ClipLinks> links = new ConcurrentHashMap<>();

    public RemoteClipService(RemoteServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public Clip create(ClipRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("duration", request.durationS());
        request.startS().ifPresent(s -> body.put("start", s));
        (request.expirationS().isPresent() ? request.expirationS() : expirationOfLife(request))
                .ifPresent(s -> body.put("expiration", s));
        body.put("vod_required", request.vodRequired());
        if (!request.name().isEmpty()) {
            body.put("name", request.name());
        }
        putDescription(body, request.description());
        if (request.accuracy() == ClipAccuracy.FRAME) {
            body.put("accuracy", "frame");
        }
        request.exactRange().ifPresent(range -> {
            body.put("cut_from_ms", range.fromMs());
            body.put("cut_to_ms", range.toMs());
        });
        JsonNode created = server.send("PUT", clipsPath(request.streamId()), body);
        return remember(created, request.streamId());
    }

    @Override
    public List<Clip> list(long streamId) {
        List<Clip> clips = new ArrayList<>();
        for (JsonNode node : server.get(clipsPath(streamId))) {
            clips.add(remember(node, streamId));
        }
        return clips;
    }

    @Override
    public Clip get(String clipId) {
        Long known = streamOfClip.get(clipId);
        if (known != null) {
            Optional<Clip> found = list(known).stream().filter(c -> c.id().equals(clipId)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (JsonNode stream : server.get("/streaming/streams")) {
            long streamId = stream.path("id").asLong();
            Optional<Clip> found = list(streamId).stream().filter(c -> c.id().equals(clipId)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new NotFoundException("The clip server has no clip " + clipId + " (it may have expired).");
    }

    @Override
    public void delete(String clipId) {
        long streamId = get(clipId).streamId();
        server.send("DELETE", clipsPath(streamId) + "/" + clipId, null);
        streamOfClip.remove(clipId);
        links.remove(clipId);
    }

    @Override
    public Clip keepPermanent(String clipId) {
        throw new InvalidRequestException("A remote server makes a permanent video only when the clip is created "
                + "with vod_required; create the clip again with \"keep permanently\" ticked.");
    }

    @Override
    public Clip describe(String clipId, String name, ClipDescription description) {
        long streamId = get(clipId).streamId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        putDescription(body, description);
        return remember(server.send("PATCH", clipsPath(streamId) + "/" + clipId, body), streamId);
    }

    /** (ext) POST …/adjust; a server without it (Gcore's own) answers 404, said as such. */
    @Override
    public Clip adjust(String clipId, long fromMs, long toMs) {
        return rangeCall(clipId, "adjust", fromMs, toMs);
    }

    /** (ext) POST …/trim. */
    @Override
    public Clip trim(String clipId, long fromMs, long toMs) {
        return rangeCall(clipId, "trim", fromMs, toMs);
    }

    private Clip rangeCall(String clipId, String action, long fromMs, long toMs) {
        long streamId = get(clipId).streamId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cut_from_ms", fromMs);
        body.put("cut_to_ms", toMs);
        Clip made = remember(server.send("POST", clipsPath(streamId) + "/" + clipId + "/" + action, body), streamId);
        streamOfClip.remove(clipId);
        links.remove(clipId);
        return made;
    }

    /** The (ext) fields of API.md; a server without them ignores them. */
    private static void putDescription(Map<String, Object> body, ClipDescription description) {
        body.put("description", description.description());
        body.put("tags", description.tags());
        body.put("created_by", description.createdBy());
    }

    /**
     * The wire has no "keep for": a life other than the default becomes an expiration counted from this machine's
     * now, kept a few seconds inside the allowed range so the server's own now (a little later, or skewed) accepts it.
     */
    private OptionalLong expirationOfLife(ClipRequest request) {
        if (request.lifeS().isEmpty() || request.lifeS().getAsLong() == ClipPolicy.DEFAULT_EXPIRY_S) {
            return OptionalLong.empty();
        }
        long nowMs = clock.millis();
        long availableS = ClipPolicy.availableAtS(nowMs, request.startS().orElse(nowMs / 1000) + request.durationS());
        long lifeS = Math.max(ClipPolicy.MIN_EXPIRY_S + CLOCK_MARGIN_S,
                Math.min(ClipPolicy.MAX_EXPIRY_S - CLOCK_MARGIN_S, request.lifeS().getAsLong()));
        return OptionalLong.of(availableS + lifeS);
    }

    /** The playback URLs of a clip this service has created or listed. */
    public Optional<ClipLinks> links(String clipId) {
        return Optional.ofNullable(links.get(clipId));
    }

    /** A clip the server told of in a change event: its links kept as for one listed. */
    Clip learn(JsonNode node, long streamId) {
        return remember(node, streamId);
    }

    /** A clip the server said is gone. */
    void forget(String clipId) {
        streamOfClip.remove(clipId);
        links.remove(clipId);
    }

    private Clip remember(JsonNode node, long streamId) {
        Clip clip = toClip(node, streamId);
        streamOfClip.put(clip.id(), streamId);
        links.put(clip.id(), new ClipLinks(node.path("hls_master").asText(""), node.path("mp4_master").asText("")));
        return clip;
    }

    Clip toClip(JsonNode node, long streamId) {
        long startS = node.path("start").asLong();
        int durationS = node.path("duration").asInt();
        String id = node.path("id").asText();
        List<String> renditions = new ArrayList<>();
        node.path("renditions").forEach(r -> renditions.add(r.asText()));
        JsonNode videoId = node.path("video_id");
        long createdAtMs = createdAtMs(node.path("created_at").asText(""));
        return new Clip(
                id,
                streamId,
                node.path("name").asText(id),
                startS,
                durationS,
                node.path("expiration").asLong(ClipPolicy.availableAtS(createdAtMs, startS + durationS)
                        + ClipPolicy.DEFAULT_EXPIRY_S),
                createdAtMs,
                node.path("vod_required").asBoolean(false),
                videoId.isIntegralNumber() ? videoId.asLong() : 0,
                renditions,
                status(node, startS + durationS),
                node.path("error").asText(""),
                node.path("cut_start_ms").asLong(0),
                node.path("cut_end_ms").asLong(0),
                "frame".equals(node.path("accuracy").asText()) ? ClipAccuracy.FRAME : ClipAccuracy.SEGMENT,
                node.path("gap_ms").asLong(0),
                Optional.empty(),
                description(node));
    }

    /** A server that does not describe clips (Gcore's own) gives an undescribed clip. */
    private static ClipDescription description(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        return new ClipDescription(node.path("description").asText(""), tags, node.path("created_by").asText(""));
    }

    private ClipStatus status(JsonNode node, long endS) {
        String wire = node.path("status").asText("");
        if (!wire.isEmpty()) {
            try {
                return ClipStatus.valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // an unknown status from a newer server: fall back to the clock below
            }
        }
        return clock.millis() >= endS * 1000 ? ClipStatus.READY : ClipStatus.RECORDING;
    }

    /** ISO 8601 with or without offset (Gcore omits it; it means UTC); 0 when absent. */
    static long createdAtMs(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException again) {
                return Instant.EPOCH.toEpochMilli();
            }
        }
    }

    private static String clipsPath(long streamId) {
        return "/streaming/streams/" + streamId + "/clip_recording";
    }
}
