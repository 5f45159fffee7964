package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.storage.MediaPaths;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** (ext) A Clipdesk server's social versions of a clip ({@code …/clip_recording/{id}/reframes}) and the clip media they are placed on. */
final class RemoteReframes {

    private final RemoteServer server;
    private final RemoteClipService clips;

    RemoteReframes(RemoteServer server, RemoteClipService clips) {
        this.server = server;
        this.clips = clips;
    }

    /** A Clipdesk server names a clip's segments as this engine does (MediaPaths); Gcore's own layout is not known. */
    SegmentMedia clipSegment(Clip clip, String rendition, int index) {
        String name = MediaPaths.clipSegment(clip.id(), rendition, index);
        return SegmentMedia.of(name, server.media(server.base().resolve(MediaPaths.clipUrl(clip.streamId(), name)),
                RemoteDvrFollower.SEGMENT_TIMEOUT));
    }

    /** POST …/clip_recording/{id}/reframes with the crop as a path of centres. */
    Reframe create(String clipId, ReframeAspect aspect, CropPath crop) {
        long streamId = clips.get(clipId).streamId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aspect", aspect.wire());
        body.put("crop", crop.keys().stream().map(k -> Map.of("at_ms", k.atMs(), "x", k.centerX(), "y",
                k.centerY())).toList());
        return toReframe(server.send("POST", path(streamId, clipId), body), streamId);
    }

    List<Reframe> list(String clipId) {
        long streamId = clips.get(clipId).streamId();
        List<Reframe> list = new ArrayList<>();
        for (JsonNode node : server.get(path(streamId, clipId))) {
            list.add(toReframe(node, streamId));
        }
        return list;
    }

    private static String path(long streamId, String clipId) {
        return "/streaming/streams/" + streamId + "/clip_recording/" + clipId + "/reframes";
    }

    private static Reframe toReframe(JsonNode n, long streamId) {
        List<CropPath.Key> keys = new ArrayList<>();
        for (JsonNode k : n.path("crop")) {
            keys.add(new CropPath.Key(k.path("at_ms").asLong(), k.path("x").asDouble(), k.path("y").asDouble()));
        }
        return new Reframe(n.path("id").asText(), n.path("clip_id").asText(), streamId,
                ReframeAspect.parse(n.path("aspect").asText()), keys.isEmpty() ? CropPath.CENTRED : new CropPath(keys),
                ReframeStatus.valueOf(n.path("status").asText("failed").toUpperCase(Locale.ROOT)),
                n.path("error").asText(""), 0, n.path("duration").asLong(0), n.path("progress").asDouble(0));
    }
}
