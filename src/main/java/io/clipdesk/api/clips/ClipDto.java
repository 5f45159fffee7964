package io.clipdesk.api.clips;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.storage.MediaPaths;

import java.util.List;
import java.util.Locale;

/**
 * The Clip object of API.md, plus (ext) cut range, gap, accuracy and description; field names become snake_case on
 * the wire.
 */
public record ClipDto(
        String id,
        long start,
        int duration,
        long expiration,
        String createdAt,
        boolean vodRequired,
        Long videoId,
        List<String> renditions,
        String hlsMaster,
        String mp4Master,
        String name,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        long cutStartMs,
        long cutEndMs,
        long gapMs,
        String accuracy,
        String description,
        List<String> tags,
        String createdBy) {

    public static ClipDto of(Clip clip, ApiExchange exchange) {
        return new ClipDto(
                clip.id(),
                clip.startS(),
                clip.durationS(),
                clip.expirationS(),
                WireTime.iso(clip.createdAtMs()),
                clip.vodRequired(),
                clip.hasVideo() ? clip.videoId() : null,
                clip.renditions(),
                exchange.absolute(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMaster(clip.id()))),
                exchange.absolute(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMasterMp4(clip.id()))),
                clip.name(),
                clip.status().wire(),
                clip.error().isEmpty() ? null : clip.error(),
                clip.cutStartMs(),
                clip.cutEndMs(),
                clip.gapMs(),
                clip.accuracy().name().toLowerCase(Locale.ROOT),
                clip.description().description(),
                clip.description().tags(),
                clip.description().createdBy());
    }
}
