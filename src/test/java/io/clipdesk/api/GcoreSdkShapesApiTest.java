package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests Gcore's official SDK (gcore-python / gcore-go, Stainless-generated) sends — its paths, verbs, query
 * parameters, headers and body shapes — and the response types its models need (Stream.name str required,
 * Clip.id str + duration int required, Video.status one of its literals, lists as a plain JSON array).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GcoreSdkShapesApiTest {

    private static final Set<String> SDK_VIDEO_STATUSES = Set.of("empty", "pending", "viewable", "ready", "error");

    ServerFixture f;
    JsonNode clip;
    long videoId;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(4));
        HttpResponse<String> created = sdk("PUT", "/streaming/streams/1/clip_recording",
                "{\"duration\": 1, \"start\": " + (f.window().startMs() / 1000 + 1) + ", \"vod_required\": true}");
        assertEquals(200, created.statusCode(), created.body());
        clip = f.json(created);
        videoId = clip.get("video_id").asLong();
        ServerFixture.await("video ready", () -> "ready".equals(
                f.json(sdk("GET", "/streaming/videos/" + videoId, null)).get("status").asText()));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void createClip_sdkBody_answersTheClipModel() {
        assertTrue(clip.get("id").isTextual() && clip.get("duration").isInt(), "required by the model: " + clip);
        for (String unixSeconds : List.of("start", "expiration", "video_id")) {
            assertTrue(clip.get(unixSeconds).isIntegralNumber(), unixSeconds + ": " + clip);
        }
        assertTrue(clip.get("created_at").isTextual() && clip.get("vod_required").isBoolean());
        assertTrue(clip.get("hls_master").isTextual() && clip.get("mp4_master").isTextual());
        clip.get("renditions").forEach(r -> assertTrue(r.isTextual(), "List[str]: " + clip.get("renditions")));

        JsonNode listed = f.json(sdk("GET", "/streaming/streams/1/clip_recording", null));
        assertTrue(listed.isArray() && listed.size() == 1, "List[Clip]: " + listed);
        assertEquals(clip.get("id"), listed.get(0).get("id"));
    }

    @Test
    void listStreams_isOneArrayForTheSdkPager_andAGcoreStylePageLoopEnds() {
        HttpResponse<String> plain = sdk("GET", "/streaming/streams", null);
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode streams = f.json(plain);
        assertTrue(streams.isArray() && streams.size() == 1, "SyncPageStreaming reads a bare array: " + streams);
        JsonNode stream = streams.get(0);
        assertTrue(stream.get("name").isTextual() && stream.get("id").isIntegralNumber(), stream.toString());
        assertTrue(stream.get("dvr_duration").isInt() && stream.get("dvr_enabled").isBoolean());
        assertTrue(stream.get("live").isBoolean() && stream.get("created_at").isTextual());

        assertEquals(streams, f.json(sdk("GET", "/streaming/streams?page=1&with_broadcasts=1", null)));
        assertEquals(0, f.json(sdk("GET", "/streaming/streams?page=2", null)).size(), "past the last page: empty");
        assertEquals(400, error(sdk("GET", "/streaming/streams?page=0", null)).statusCode());
    }

    @Test
    void streamLifecycle_sdkBodies_createUpdateClearDvrAndDelete() {
        HttpResponse<String> flat = sdk("POST", "/streaming/streams", "{\"name\": \"Camera 2\", \"active\": true,"
                + " \"auto_record\": false, \"broadcast_ids\": [], \"client_user_id\": 7, \"dvr_enabled\": true,"
                + " \"dvr_duration\": 120, \"projection\": \"regular\", \"pull\": false, \"record_type\": \"origin\"}");
        assertEquals(201, flat.statusCode(), flat.body());
        HttpResponse<String> wrapped = sdk("POST", "/streaming/streams", "{\"stream\": {\"name\": \"Camera 3\"}}");
        assertEquals(201, wrapped.statusCode(), "older Gcore scripts wrap the create body: " + wrapped.body());
        long second = f.json(flat).get("id").asLong();
        long third = f.json(wrapped).get("id").asLong();
        assertEquals(120, f.json(flat).get("dvr_duration").asInt());
        assertEquals("Camera 3", f.json(wrapped).get("name").asText());
        assertEquals(List.of(second), ids(sdk("GET", "/streaming/streams?page=2&per_page=1", null)));

        String one = "/streaming/streams/" + second;
        HttpResponse<String> updated = sdk("PATCH", one, "{\"stream\": {\"name\": \"Wide\", \"dvr_duration\": 300}}");
        assertEquals("Wide", f.json(updated).get("name").asText());
        assertEquals(300, f.json(updated).get("dvr_duration").asInt());

        HttpResponse<String> cleared = sdkNoBody("PUT", one + "/dvr_cleanup");
        assertEquals(204, cleared.statusCode(), cleared.body());
        for (long id : List.of(second, third)) {
            HttpResponse<String> deleted = sdkNoBody("DELETE", "/streaming/streams/" + id);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertEquals("", deleted.body());
        }
        assertEquals(404, error(sdk("GET", one, null)).statusCode());
    }

    @Test
    @Order(1)
    void video_hasTheSdkModel_andItsListHonoursTheSdkFilters() {
        JsonNode video = f.json(sdk("GET", "/streaming/videos/" + videoId, null));
        assertTrue(video.get("id").isIntegralNumber() && video.get("duration").isIntegralNumber(), video.toString());
        assertTrue(SDK_VIDEO_STATUSES.contains(video.get("status").asText()), "status Literal: " + video);
        assertTrue(video.get("stream_id").isIntegralNumber() && video.get("hls_url").isTextual());
        JsonNode rendition = video.get("converted_videos").get(0);
        assertTrue(rendition.get("id").isInt() && rendition.get("height").isInt() && rendition.get("mp4_url").isTextual());

        List<Long> just = List.of(videoId);
        assertEquals(just, ids(sdk("GET", "/streaming/videos", null)));
        assertEquals(just, ids(sdk("GET", "/streaming/videos?page=1&per_page=25&stream_id=1&status=ready", null)));
        assertEquals(just, ids(sdk("GET", "/streaming/videos?id=" + videoId + ",999", null)));
        assertEquals(just, ids(sdk("GET", "/streaming/videos?search=" + videoId, null)));
        String word = video.get("name").asText().split(" ")[0].toLowerCase();
        assertEquals(just, ids(sdk("GET", "/streaming/videos?search=" + word, null)));
        for (String nothing : List.of("stream_id=999", "status=pending", "id=999", "search=zzz", "client_user_id=5",
                "page=2")) {
            assertEquals(List.of(), ids(sdk("GET", "/streaming/videos?" + nothing, null)), nothing);
        }
        assertEquals(400, error(sdk("GET", "/streaming/videos?id=abc", null)).statusCode());
        assertEquals(400, error(sdk("GET", "/streaming/videos?per_page=x", null)).statusCode());
    }

    @Test
    @Order(2)
    void deleteVideo_sdkShape_is204_thenItIsGoneWithAnErrorTheSdkCanSurface() {
        HttpResponse<String> deleted = sdkNoBody("DELETE", "/streaming/videos/" + videoId);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, error(sdk("GET", "/streaming/videos/" + videoId, null)).statusCode());
    }

    @Test
    void wrongKey_is401WithAJsonErrorBody() {
        HttpRequest.Builder request = f.request("/streaming/streams").header("Authorization", "APIKey wrong")
                .header("Accept", "application/json");
        assertEquals(401, error(f.send(request, "GET", null)).statusCode());
    }

    /** As the Stainless client sends it: JSON Accept/Content-Type (none on GET), its own headers, the key. */
    private HttpResponse<String> sdk(String method, String path, String body) {
        HttpRequest.Builder request = f.request(path).header("Accept", "application/json")
                .header("User-Agent", "Gcore/Python 0.9.0").header("X-Stainless-Lang", "python")
                .header("X-Stainless-Async", "false").header("x-stainless-retry-count", "0")
                .header("Authorization", "APIKey " + f.key.token());
        if (!"GET".equals(method) && body == null) {
            request.header("Content-Type", "application/json");
        }
        return f.send(request, method, body);
    }

    /** DELETE and clear_dvr: the SDK sends Accept: *&#47;* and no body, yet keeps its JSON Content-Type. */
    private HttpResponse<String> sdkNoBody(String method, String path) {
        return f.send(f.request(path).header("Accept", "*/*").header("Content-Type", "application/json")
                .header("Authorization", "APIKey " + f.key.token()), method, null);
    }

    private HttpResponse<String> error(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(f.json(response).get("error").isTextual(), response.body());
        return response;
    }

    private List<Long> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = new ArrayList<>();
        f.json(response).forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
