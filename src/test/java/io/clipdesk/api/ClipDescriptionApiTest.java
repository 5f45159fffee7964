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

/** (ext) description, tags and created_by on create and PATCH of a clip, carried to its permanent video. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipDescriptionApiTest {

    private static final String CLIPS = "/streaming/streams/1/clip_recording";

    ServerFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir);
        f.produce(Duration.ofSeconds(3));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return f.json(response);
    }

    private String refused(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        String sentence = f.json(response).get("error").asText();
        assertFalse(sentence.contains("Exception"), sentence);
        return sentence;
    }

    private static List<String> tags(JsonNode clip) {
        List<String> tags = new ArrayList<>();
        clip.get("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    @Test
    void create_withDescriptionTagsAndEditor_returnsAndStoresThem_andTheVideoHasThemToo() {
        JsonNode created = ok(f.api("PUT", CLIPS, "{\"duration\": 1, \"vod_required\": true, \"name\": \"Goal 1-0\","
                + " \"description\": \"Header from the corner\", \"tags\": [\"Goal\", \" home  team \", \"goal\"],"
                + " \"created_by\": \"ana\"}"));

        assertEquals(List.of("Goal", "home team"), tags(created));
        assertEquals("Header from the corner", created.get("description").asText());
        assertEquals("ana", created.get("created_by").asText());
        JsonNode got = ok(f.api("GET", CLIPS + "/" + created.get("id").asText(), null));
        assertEquals(List.of("Goal", "home team"), tags(got));
        JsonNode video = ok(f.api("GET", "/streaming/videos/" + created.get("video_id").asLong(), null));
        assertEquals("Header from the corner", video.get("description").asText());
        assertEquals(List.of("Goal", "home team"), tags(video));
        assertEquals("Goal 1-0", video.get("name").asText());
    }

    @Test
    void create_withoutThem_isUndescribed() {
        JsonNode created = ok(f.api("PUT", CLIPS, "{\"duration\": 1}"));
        assertEquals("", created.get("description").asText());
        assertEquals(0, created.get("tags").size());
        assertEquals("", created.get("created_by").asText());
    }

    @Test
    void patch_changesOnlyTheFieldsSent_andTheVideoFollows() {
        JsonNode created = ok(f.api("PUT", CLIPS, "{\"duration\": 1, \"vod_required\": true, \"name\": \"Save\","
                + " \"tags\": [\"Save\"], \"created_by\": \"ana\"}"));
        String one = CLIPS + "/" + created.get("id").asText();

        JsonNode patched = ok(f.api("PATCH", one,
                "{\"tags\": [\"Save\", \"keeper\"], \"description\": \"Top corner\"}"));
        assertEquals("Save", patched.get("name").asText(), "name not sent, kept");
        assertEquals("ana", patched.get("created_by").asText(), "created_by not sent, kept");
        assertEquals(List.of("Save", "keeper"), tags(patched));

        JsonNode renamed = ok(f.api("PATCH", one, "{\"name\": \"Great save\"}"));
        assertEquals(List.of("Save", "keeper"), tags(renamed));
        assertEquals("Top corner", ok(f.api("GET", one, null)).get("description").asText());
        JsonNode video = ok(f.api("GET", "/streaming/videos/" + created.get("video_id").asLong(), null));
        assertEquals("Great save", video.get("name").asText());
        assertEquals("Top corner", video.get("description").asText());
    }

    @Test
    void createOrPatch_breakingARule_is400WithTheRule() {
        String one = CLIPS + "/" + ok(f.api("PUT", CLIPS, "{\"duration\": 1}")).get("id").asText();

        assertTrue(refused(f.api("PATCH", one, "{\"tags\": [\"goal, card\"]}")).contains("without commas"));
        assertTrue(refused(f.api("PATCH", one, "{\"tags\": \"goal\"}")).contains("tags must be an array of strings"));
        assertTrue(refused(f.api("PATCH", one, "{\"tags\": [\"goal\", 7]}")).contains("it holds the number 7"));
        assertTrue(refused(f.api("PATCH", one, "{\"name\": \"  \"}")).contains("name cannot be empty"));
        assertTrue(refused(f.api("PATCH", one, "{\"description\": \"" + "d".repeat(2001) + "\"}"))
                .contains("at most 2000"));
        assertTrue(refused(f.api("PUT", CLIPS, "{\"duration\": 1, \"created_by\": \"" + "e".repeat(101) + "\"}"))
                .contains("created_by is 101 characters"));
        assertEquals(0, ok(f.api("GET", one, null)).get("tags").size(), "a refused PATCH changes nothing");
    }

    @Test
    void patch_unknownClip_is404() {
        assertEquals(404, f.api("PATCH", CLIPS + "/nosuchclip00", "{\"name\": \"x\"}").statusCode());
    }
}
