package io.clipdesk.api.clips;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.wire.JsonBody;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.storage.MediaPaths;

import java.util.List;

/**
 * (ext) A clip's social version: shape, the crop window's path (centre as fractions of the picture), status with
 * progress 0–1, and once ready its own HLS playlist and MP4 beside the clip's media. {@code duration} is in ms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReframeDto(
        String id,
        String clipId,
        String aspect,
        int width,
        int height,
        String status,
        String error,
        double progress,
        List<CropKey> crop,
        Long duration,
        String hlsUrl,
        String mp4Url) {

    record CropKey(long atMs, double x, double y) {
    }

    static ReframeDto of(Reframe r, ApiExchange exchange) {
        boolean ready = r.status() == ReframeStatus.READY;
        return new ReframeDto(r.id(), r.clipId(), r.aspect().wire(), r.aspect().width(), r.aspect().height(),
                r.status().wire(), r.error().isEmpty() ? null : r.error(), Math.round(r.progress() * 1000) / 1000.0,
                r.crop().keys().stream().map(k -> new CropKey(k.atMs(), k.centerX(), k.centerY())).toList(),
                ready ? r.durationMs() : null,
                ready ? exchange.absolute(MediaPaths.clipUrl(r.streamId(), r.playlistName())) : null,
                ready ? exchange.absolute(MediaPaths.clipUrl(r.streamId(), r.mp4Name())) : null);
    }

    /** The body's crop: one {x, y} object (fixed) or an array of {at_ms, x, y}; centred when absent. */
    static CropPath cropOf(JsonBody body) {
        List<JsonBody> keys = body.objects("crop");
        if (keys.isEmpty()) {
            return CropPath.CENTRED;
        }
        return new CropPath(keys.stream().map(k -> new CropPath.Key(k.optionalLong("at_ms", "ms").orElse(0),
                k.optionalDouble("x").orElse(0.5), k.optionalDouble("y").orElse(0.5))).toList());
    }
}
