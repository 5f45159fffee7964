package io.clipdesk.api.streams;

import io.clipdesk.api.wire.JsonBody;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a stream request asks to ingest: Gcore's {@code pull_url}, or the (ext) {@code source} — an object such as
 * {@code {"type":"rtmp"}}, {@code {"type":"srt","port":9001,"passphrase":"…"}}, {@code {"type":"file","path":"…"}},
 * or just the kind's name as a string. Only the shape is checked here; the engine's rules judge the values (a
 * malformed URL, a missing file, a port in use).
 */
final class SourceRequest {

    private static final String TYPES = "test_signal, hls, rtmp, srt, file";

    private SourceRequest() {
    }

    /** The source asked for; empty when the request names none (create: the test signal; patch: unchanged). */
    static Optional<SourceSpec> read(JsonBody body) {
        Optional<String> url = body.optionalString("pull_url").or(() -> body.optionalString("uri")).map(String::strip);
        Optional<JsonBody> object = body.object("source");
        if (object.isPresent()) {
            JsonBody source = object.get();
            String type = source.optionalString("type").orElseThrow(() -> new InvalidRequestException(
                    "source.type is required: one of " + TYPES + "."));
            return Optional.of(spec(kind(type), source, source.optionalString("url").map(String::strip).or(() -> url)));
        }
        Optional<String> named = body.optionalString("source");
        if (named.isPresent()) {
            return Optional.of(spec(kind(named.get()), body, url));
        }
        return url.map(u -> new SourceSpec(SourceKind.HLS_PULL, u));
    }

    private static SourceSpec spec(SourceKind kind, JsonBody fields, Optional<String> url) {
        switch (kind) {
            case TEST_SIGNAL:
                return SourceSpec.TEST_SIGNAL;
            case HLS_PULL:
                return new SourceSpec(kind, url.filter(u -> !u.isEmpty()).orElseThrow(() -> new InvalidRequestException(
                        "pull_url is required for an HLS source: the http(s) URL of a live .m3u8.")));
            case FILE_LOOP:
                String path = fields.optionalString("path").or(() -> url).map(String::strip).filter(p -> !p.isEmpty())
                        .orElseThrow(() -> new InvalidRequestException("source.path is required for a file source:"
                                + " the absolute path of a media file on the server."));
                return new SourceSpec(kind, path);
            default:
                int port = port(fields.optionalLong("port", "port number"));
                String passphrase = fields.optionalString("passphrase").orElse("");
                try {
                    return (kind == SourceKind.RTMP_PUSH ? passphraseless(passphrase, port)
                            : PushAddress.srt(port, passphrase)).spec();
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("source." + e.getMessage() + ".");
                }
        }
    }

    private static PushAddress passphraseless(String passphrase, int port) {
        if (!passphrase.isEmpty()) {
            throw new InvalidRequestException("source.passphrase is for SRT only; an RTMP source is keyed by its"
                    + " stream key (in push_url).");
        }
        return PushAddress.rtmp(port);
    }

    /** 0 (omitted) lets the engine pick the first free port of the kind. */
    private static int port(OptionalLong requested) {
        long port = requested.orElse(0);
        if (port != 0 && (port < PushAddress.MIN_PORT || port > 65_535)) {
            throw new InvalidRequestException("source.port must be " + PushAddress.MIN_PORT + "–65535, got " + port
                    + "; leave it out to take the first free one.");
        }
        return (int) port;
    }

    private static SourceKind kind(String wire) {
        String name = wire.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "test_signal", "test" -> SourceKind.TEST_SIGNAL;
            case "hls", "hls_pull" -> SourceKind.HLS_PULL;
            case "rtmp", "rtmp_push" -> SourceKind.RTMP_PUSH;
            case "srt", "srt_push" -> SourceKind.SRT_PUSH;
            case "file", "file_loop" -> SourceKind.FILE_LOOP;
            default -> throw new InvalidRequestException("source.type must be one of " + TYPES + "; got \""
                    + (wire.length() > 40 ? wire.substring(0, 40) + "…" : wire) + "\".");
        };
    }
}
