package io.clipdesk.api.clips;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.streams.StreamsHandler;
import io.clipdesk.api.wire.JsonBody;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeService;
import io.clipdesk.engine.stream.StreamService;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * /streaming/streams/{id}/clip_recording: create (PUT as Gcore, POST too), list, and (ext) get, describe (PATCH),
 * delete, adjust (POST …/adjust: the range again from the DVR) and trim (POST …/trim: inside the clip's media) one,
 * and its social versions (POST/GET …/reframes).
 */
public final class ClipsHandler {

    static final String CLIPS = StreamsHandler.ONE + "/clip_recording";
    static final String ONE = CLIPS + "/([a-z0-9]{12})";

    private final ClipService clips;
    private final StreamService streams;
    private final ReframeService reframes;

    public ClipsHandler(ClipService clips, StreamService streams, ReframeService reframes) {
        this.clips = clips;
        this.streams = streams;
        this.reframes = reframes;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("PUT", CLIPS, this::create),
                Route.of("POST", CLIPS, this::create),
                Route.of("GET", CLIPS, this::list),
                Route.of("GET", ONE, ex -> ex.sendJson(200, ClipDto.of(clipOfStream(ex), ex))),
                Route.of("PATCH", ONE, this::describe),
                Route.of("POST", ONE + "/adjust", ex -> {
                    Clip clip = clipOfStream(ex);
                    ExactRange range = range(ex.body(), "adjust");
                    ex.sendJson(200, ClipDto.of(clips.adjust(clip.id(), range.fromMs(), range.toMs()), ex));
                }),
                Route.of("POST", ONE + "/reframes", ex -> {
                    Clip clip = clipOfStream(ex);
                    JsonBody body = ex.body();
                    ReframeAspect aspect = ReframeAspect.parse(body.optionalString("aspect").orElseThrow(() ->
                            new InvalidRequestException("aspect is required: \"9:16\", \"1:1\" or \"4:5\".")));
                    ex.sendJson(202, ReframeDto.of(reframes.request(clip.id(), aspect, ReframeDto.cropOf(body)), ex));
                }),
                Route.of("GET", ONE + "/reframes", ex -> ex.sendJson(200, reframes.list(clipOfStream(ex).id()).stream()
                        .map(r -> ReframeDto.of(r, ex)).toList())),
                Route.of("POST", ONE + "/trim", ex -> {
                    Clip clip = clipOfStream(ex);
                    ExactRange range = range(ex.body(), "trim");
                    ex.sendJson(200, ClipDto.of(clips.trim(clip.id(), range.fromMs(), range.toMs()), ex));
                }),
                Route.of("DELETE", ONE, ex -> {
                    clips.delete(clipOfStream(ex).id());
                    ex.sendNoContent();
                }));
    }

    private void create(ApiExchange ex) throws IOException {
        long streamId = ex.longParam(0);
        JsonBody body = ex.body();
        Optional<ExactRange> exact = exactRange(body);
        ClipAccuracy accuracy = body.optionalString("accuracy").map(ClipsHandler::accuracy)
                .orElse(exact.isPresent() ? ClipAccuracy.FRAME : ClipAccuracy.SEGMENT);
        ClipRequest request = new ClipRequest(
                streamId,
                body.optionalLong("start", "Unix seconds"),
                body.requiredLong("duration", "seconds"),
                body.optionalLong("expiration", "Unix seconds"),
                body.optionalBoolean("vod_required").orElse(false),
                body.optionalString("name").orElse(""),
                accuracy,
                exact).withDescription(description(body, ClipDescription.EMPTY));
        ex.sendJson(200, ClipDto.of(clips.create(request), ex));
    }

    /** (ext) PATCH: the fields sent replace the clip's, the others stay; {@code name} is the title. */
    private void describe(ApiExchange ex) throws IOException {
        Clip clip = clipOfStream(ex);
        JsonBody body = ex.body();
        String name = body.optionalString("name").orElse(clip.name());
        ex.sendJson(200, ClipDto.of(clips.describe(clip.id(), name, description(body, clip.description())), ex));
    }

    private static ClipDescription description(JsonBody body, ClipDescription current) {
        return new ClipDescription(
                body.optionalString("description").orElse(current.description()),
                body.optionalStringList("tags").orElse(current.tags()),
                body.optionalString("created_by").orElse(current.createdBy()));
    }

    /** (ext) An exact ms range, as the desk's marks: both fields or neither ({@code ClipPolicy} checks the rest). */
    private static Optional<ExactRange> exactRange(JsonBody body) {
        OptionalLong fromMs = body.optionalLong("cut_from_ms", "Unix ms");
        OptionalLong toMs = body.optionalLong("cut_to_ms", "Unix ms");
        if (fromMs.isEmpty() && toMs.isEmpty()) {
            return Optional.empty();
        }
        if (fromMs.isEmpty() || toMs.isEmpty()) {
            throw new InvalidRequestException("cut_from_ms and cut_to_ms go together, with cut_from_ms < cut_to_ms.");
        }
        return Optional.of(new ExactRange(fromMs.getAsLong(), toMs.getAsLong()));
    }

    /**
     * (ext) The new range of an adjust or trim: {@code cut_from_ms}/{@code cut_to_ms} (Unix ms, the desk's marks), or
     * {@code start} (Unix s) and {@code duration} (s) as a clip is created.
     */
    private static ExactRange range(JsonBody body, String action) {
        Optional<ExactRange> exact = exactRange(body);
        if (exact.isPresent()) {
            return exact.get();
        }
        OptionalLong startS = body.optionalLong("start", "Unix seconds");
        OptionalLong durationS = body.optionalLong("duration", "seconds");
        if (startS.isEmpty() || durationS.isEmpty()) {
            throw new InvalidRequestException("To " + action + " a clip, send its new range: cut_from_ms and cut_to_ms"
                    + " (Unix ms), or start (Unix s) and duration (s).");
        }
        try {
            // Exact arithmetic: × 1000 wraps around a long for a start billions of years away, onto the DVR.
            return new ExactRange(Math.multiplyExact(startS.getAsLong(), 1000),
                    Math.multiplyExact(Math.addExact(startS.getAsLong(), durationS.getAsLong()), 1000));
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("start " + startS.getAsLong() + " + duration " + durationS.getAsLong()
                    + " s is not a time a clip can have; send start in Unix seconds.");
        }
    }

    private void list(ApiExchange ex) throws IOException {
        long streamId = ex.longParam(0);
        streams.get(streamId); // an unknown stream is a 404, not an empty list
        ex.sendJson(200, clips.list(streamId).stream().map(c -> ClipDto.of(c, ex)).toList());
    }

    private Clip clipOfStream(ApiExchange ex) {
        long streamId = ex.longParam(0);
        Clip clip = clips.get(ex.param(1));
        if (clip.streamId() != streamId) {
            throw new NotFoundException("Stream " + streamId + " has no clip " + ex.param(1) + ".");
        }
        return clip;
    }

    private static ClipAccuracy accuracy(String wire) {
        return switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "segment" -> ClipAccuracy.SEGMENT;
            case "frame" -> ClipAccuracy.FRAME;
            default -> throw new InvalidRequestException("accuracy must be \"segment\" or \"frame\".");
        };
    }
}
