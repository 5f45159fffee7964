package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Stream, Clip and Video the real server sends (get, list, create, update) validates against the response
 * models of Gcore's official SDK ({@link GcoreSdkModels}), as its strict mode does: same JSON types, required
 * fields present and never null. Lists are plain arrays, as {@code List[Clip]} and the SDK's pager read them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcoreSdkModelTypesApiTest {

    private final GcoreSdkModels sdk = GcoreSdkModels.load();
    ServerFixture f;
    JsonNode createdClip;
    long videoId;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(4));
        createdClip = ok(f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"duration\": 1, \"start\": " + (f.window().startMs() / 1000 + 1) + ", \"vod_required\": true}"));
        videoId = createdClip.get("video_id").asLong();
        ServerFixture.await("video ready", () -> "ready".equals(
                ok(f.api("GET", "/streaming/videos/" + videoId, null)).get("status").asText()));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void streamGetListCreateAndUpdate_validateAsTheSdkStreamModel() {
        JsonNode live = ok(f.api("GET", "/streaming/streams/1", null));
        assertTrue(!live.path("started_at_primary").isNull() && live.path("transcoded_qualities").size() > 0,
                "the check must see the fields the SDK refused before: " + live);
        JsonNode created = ok(f.api("POST", "/streaming/streams", "{\"name\": \"Camera 2\"}"));
        String second = "/streaming/streams/" + created.get("id").asLong();
        List<JsonNode> streams = new ArrayList<>(List.of(live, created,
                ok(f.api("PATCH", second, "{\"name\": \"Wide\"}")), ok(f.api("GET", second, null))));
        streams.addAll(items(f.api("GET", "/streaming/streams", null), 2));
        for (JsonNode stream : streams) {
            assertEquals(List.of(), sdk.violations("Stream", stream), stream.toString());
        }
    }

    @Test
    void clipCreateListAndGet_validateAsTheSdkClipModel() {
        String clips = "/streaming/streams/1/clip_recording";
        JsonNode withoutVideo = ok(f.api("PUT", clips, "{\"duration\": 2}"));
        assertTrue(withoutVideo.get("video_id").isNull(), "Optional[int] may be null: " + withoutVideo);
        List<JsonNode> all = new ArrayList<>(List.of(createdClip, withoutVideo,
                ok(f.api("GET", clips + "/" + createdClip.get("id").asText(), null))));
        all.addAll(items(f.api("GET", clips, null), 2));
        for (JsonNode clip : all) {
            assertEquals(List.of(), sdk.violations("Clip", clip), clip.toString());
        }
    }

    @Test
    void videoGetAndList_validateAsTheSdkVideoModels() {
        JsonNode video = ok(f.api("GET", "/streaming/videos/" + videoId, null));
        assertFalse(video.get("converted_videos").isEmpty(), "the nested ConvertedVideo is checked too: " + video);
        assertEquals(List.of(), sdk.violations("Video", video), video.toString());
        for (JsonNode listed : items(f.api("GET", "/streaming/videos", null), 1)) {
            assertEquals(List.of(), sdk.violations("VideoListResponse", listed), listed.toString());
        }
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
        return f.json(response);
    }

    /** A list response: a plain JSON array of {@code expected} items. */
    private List<JsonNode> items(HttpResponse<String> response, int expected) {
        JsonNode list = ok(response);
        assertTrue(list.isArray() && list.size() == expected, "a plain array of " + expected + ": " + list);
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }
}
