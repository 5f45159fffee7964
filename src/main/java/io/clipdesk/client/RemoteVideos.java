package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's permanent videos ({@code /streaming/videos}), and each one's links as its JSON gave them: a plain Gcore
 * server puts its media on other hosts, so the links are kept rather than built.
 */
final class RemoteVideos {

    private static final Pattern KEYED_VIDEO = Pattern.compile(".*/videos/([0-9]+)_([a-z0-9]+)/.*");

    private final RemoteServer server;
    private final Map<Long, VideoLinks> links = new ConcurrentHashMap<>();

    /** A video's links as its JSON gave them: HLS master and MP4 by rendition. */
    record VideoLinks(String hls, Map<String, String> mp4) {
    }

    RemoteVideos(RemoteServer server) {
        this.server = server;
    }

    List<Video> list() {
        List<Video> list = new ArrayList<>();
        for (JsonNode node : server.get("/streaming/videos")) {
            list.add(toVideo(node));
        }
        return list;
    }

    void delete(long videoId) {
        server.send("DELETE", "/streaming/videos/" + videoId, null);
    }

    /** The links of a video listed before. */
    Optional<VideoLinks> links(long videoId) {
        return Optional.ofNullable(links.get(videoId));
    }

    private Video toVideo(JsonNode node) {
        long id = node.path("id").asLong();
        String hls = node.path("hls_url").asText("");
        Matcher keyed = KEYED_VIDEO.matcher(hls);
        List<String> renditions = new ArrayList<>();
        Map<String, String> mp4 = new LinkedHashMap<>();
        for (JsonNode converted : node.path("converted_videos")) {
            String name = converted.path("name").asText("");
            if (!Rendition.isValidName(name)) {
                name = "media_" + converted.path("id").asInt(renditions.size() + 1) + "_"
                        + converted.path("height").asInt(0);
            }
            renditions.add(name);
            mp4.put(name, converted.path("mp4_url").asText(""));
        }
        links.put(id, new VideoLinks(hls, Map.copyOf(mp4)));
        VideoStatus status;
        try {
            status = VideoStatus.valueOf(node.path("status").asText("ready").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            status = VideoStatus.READY;
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        return new Video(id, keyed.matches() ? keyed.group(2) : "", node.path("stream_id").asLong(0),
                node.path("clip_id").asText(""), node.path("name").asText("video " + id), status,
                node.path("error").asText(""), node.path("duration").asLong(0),
                RemoteClipService.createdAtMs(node.path("created_at").asText("")), renditions,
                new ClipDescription(node.path("description").asText(""), tags, node.path("created_by").asText("")));
    }
}
