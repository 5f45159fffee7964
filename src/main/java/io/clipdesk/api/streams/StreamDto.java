package io.clipdesk.api.streams;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.StreamState;

import java.util.List;
import java.util.Locale;

/**
 * The Stream object of API.md. Every field has the JSON type of the Stream model in Gcore's SDK (generated from
 * Gcore's OpenAPI, checked strictly): {@code started_at_primary} is ISO 8601 like {@code created_at} and
 * {@code transcoded_qualities} lists heights as strings. The (ext) {@code dvr_start}/{@code dvr_end} are Unix
 * seconds, null while the DVR is empty; {@code pull}/{@code uri} are Gcore's names for a pulled source; {@code source} (ext) names the
 * source kind, {@code push_url} (ext) is what to paste into an encoder for an RTMP/SRT source (null otherwise) and
 * {@code health} (ext) is starting, live, stalled, disconnected, stopped or disk_full, and {@code health_detail} (ext)
 * says why in a sentence (null while live). {@code active} is Gcore's
 * on/off switch, which a Clipdesk stream does not have: always true. {@code frame_rate} is null: the engine does not report it.
 */
public record StreamDto(
        long id,
        String name,
        boolean active,
        boolean live,
        boolean dvrEnabled,
        int dvrDuration,
        String hlsMpegtsUrl,
        String screenshot,
        String startedAtPrimary,
        int videoWidth,
        int videoHeight,
        Double frameRate,
        List<String> transcodedQualities,
        String createdAt,
        boolean pull,
        String uri,
        Long dvrStart,
        Long dvrEnd,
        String source,
        String pushUrl,
        String health,
        String healthDetail) {

    public static StreamDto of(LiveStream stream, StreamState state, ApiExchange exchange) {
        Rendition top = stream.topRendition();
        boolean pulled = stream.source().kind() == SourceKind.HLS_PULL;
        boolean hasDvr = !state.window().isEmpty();
        return new StreamDto(
                stream.id(),
                stream.name(),
                true,
                state.live(),
                stream.dvrEnabled(),
                stream.dvrDurationS(),
                exchange.absolute(MediaPaths.liveUrl(stream, MediaPaths.LIVE_DVR_MASTER)),
                state.segmentCount() > 0 ? exchange.absolute(MediaPaths.liveUrl(stream, MediaPaths.SCREENSHOT)) : null,
                state.startedAtMs() > 0 ? WireTime.iso(state.startedAtMs()) : null,
                top.width(),
                top.height(),
                null,
                stream.renditions().stream().map(r -> Integer.toString(r.height())).toList(),
                WireTime.iso(stream.createdAtMs()),
                pulled,
                pulled ? stream.source().uri() : null,
                hasDvr ? WireTime.seconds(state.window().startMs()) : null,
                hasDvr ? WireTime.seconds(state.window().endMs()) : null,
                wireKind(stream.source().kind()),
                pushUrl(stream, exchange),
                state.health().name().toLowerCase(Locale.ROOT),
                state.live() || state.healthDetail().isEmpty() ? null : state.healthDetail());
    }

    /** The push address an encoder can reach (see {@link ApiExchange#pushHost()}). */
    private static String pushUrl(LiveStream stream, ApiExchange exchange) {
        try {
            return PushAddress.of(stream.source()).map(a -> a.pushUrl(exchange.pushHost(), stream.mediaKey()))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // a stored address that no longer reads: the stream shows disconnected anyway
        }
    }

    static String wireKind(SourceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
