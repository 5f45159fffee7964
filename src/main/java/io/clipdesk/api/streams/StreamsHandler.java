package io.clipdesk.api.streams;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.wire.JsonBody;
import io.clipdesk.api.wire.ListPage;
import io.clipdesk.api.wire.QueryParams;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.sound.WaveformRange;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamService;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** /streaming/streams: list, create, get, patch, delete, dvr_cleanup, (ext) waveform. */
public final class StreamsHandler {

    static final String STREAMS = "/streaming/streams";
    public static final String ONE = STREAMS + "/([0-9]{1,18})";
    private static final int MAX_NAME = 255;
    /** Year 9999: a larger number is a time in the wrong unit (ms or µs), not a date. */

    private final StreamService streams;

    public StreamsHandler(StreamService streams) {
        this.streams = streams;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", STREAMS, this::list),
                Route.of("POST", STREAMS, this::create),
                Route.of("GET", ONE, ex -> ex.sendJson(200, dto(streams.get(ex.longParam(0)), ex))),
                Route.of("PATCH", ONE, this::patch),
                Route.of("DELETE", ONE, ex -> {
                    streams.delete(ex.longParam(0));
                    ex.sendNoContent();
                }),
                Route.of("PUT", ONE + "/dvr_cleanup", ex -> {
                    streams.cleanupDvr(ex.longParam(0));
                    ex.sendNoContent();
                }),
                Route.of("GET", ONE + "/waveform", this::waveform));
    }

    private void list(ApiExchange ex) throws IOException {
        ListPage page = ListPage.of(ex.query());
        ex.sendJson(200, page.slice(streams.list()).stream().map(s -> dto(s, ex)).toList());
    }

    /** (ext) {@code ?from=&to=} in Unix seconds like every time on the wire, {@code buckets} at most (default 2000). */
    private void waveform(ApiExchange ex) throws IOException {
        QueryParams query = ex.query();
        long fromS = requiredSeconds(query, "from");
        long toS = requiredSeconds(query, "to");
        int buckets = (int) query.optionalLong("buckets", WaveformRange.MIN_BUCKETS, WaveformRange.MAX_BUCKETS)
                .orElse(WaveformRange.DEFAULT_BUCKETS);
        long id = ex.longParam(0);
        ex.sendJson(200, WaveformDto.of(id, streams.waveform(id, fromS * 1000, toS * 1000, buckets)));
    }

    private static long requiredSeconds(QueryParams query, String name) {
        return query.optionalLong(name, "a Unix time in seconds", 0, WireTime.MAX_UNIX_S).orElseThrow(() -> new InvalidRequestException(
                "Query parameter " + name + " is required: a Unix time in seconds, e.g. the stream's dvr_start or "
                        + "dvr_end."));
    }

    private void create(ApiExchange ex) throws IOException {
        JsonBody outer = ex.body();
        // Gcore's SDK sends the fields at the top level; older Gcore scripts wrap them in {"stream": {...}}.
        JsonBody body = outer.object("stream").orElse(outer);
        String name = body.optionalString("name").map(String::strip)
                .orElseThrow(() -> new InvalidRequestException("name is required: a title for the stream."));
        checkName(name);
        boolean dvrEnabled = body.optionalBoolean("dvr_enabled").orElse(true);
        int dvrDuration = dvrDuration(body.optionalLong("dvr_duration", "seconds"))
                .orElse(LiveStream.DEFAULT_DVR_DURATION_S);
        SourceSpec source = SourceRequest.read(body).orElse(SourceSpec.TEST_SIGNAL);
        LiveStream created = streams.create(new StreamDraft(name, source, dvrEnabled, dvrDuration));
        ex.sendJson(201, dto(created, ex));
    }

    private void patch(ApiExchange ex) throws IOException {
        JsonBody outer = ex.body();
        // Gcore's SDK sends {"stream": {...}}; curl users send the fields directly. Take either.
        JsonBody body = outer.object("stream").orElse(outer);
        Optional<String> name = body.optionalString("name").map(String::strip);
        name.ifPresent(StreamsHandler::checkName);
        StreamPatch patch = new StreamPatch(name, body.optionalBoolean("dvr_enabled"),
                dvrDuration(body.optionalLong("dvr_duration", "seconds")), SourceRequest.read(body));
        ex.sendJson(200, dto(streams.update(ex.longParam(0), patch), ex));
    }

    private StreamDto dto(LiveStream stream, ApiExchange ex) {
        return StreamDto.of(stream, streams.state(stream.id()), ex);
    }

    private static OptionalInt dvrDuration(OptionalLong requested) {
        if (requested.isEmpty()) {
            return OptionalInt.empty();
        }
        long s = requested.getAsLong();
        if (s < LiveStream.MIN_DVR_DURATION_S || s > LiveStream.MAX_DVR_DURATION_S) {
            throw new InvalidRequestException("dvr_duration " + s + " s is outside the allowed range "
                    + LiveStream.MIN_DVR_DURATION_S + "–" + LiveStream.MAX_DVR_DURATION_S + " s.");
        }
        return OptionalInt.of((int) s);
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidRequestException("name must be 1–" + MAX_NAME + " characters, got " + name.length() + ".");
        }
    }
}
