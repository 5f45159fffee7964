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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every clip rule of API.md answered over HTTP: 400 with a sentence naming the rule, 422, 404 and 401. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipRulesApiTest {

    private static final String CLIPS = "/streaming/streams/1/clip_recording";

    ServerFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir);
        f.produce(Duration.ofSeconds(4));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private String error(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = f.json(response);
        assertEquals(1, body.size(), "only {\"error\": ...}: " + body);
        String sentence = body.get("error").asText();
        assertFalse(sentence.contains("Exception") || sentence.contains("\tat ") || sentence.contains(f.dir.toString()),
                "no trace or path: " + sentence);
        return sentence;
    }

    private String rejected(String body) {
        return error(f.api("PUT", CLIPS, body), 400);
    }

    @Test
    void create_durationOutsideOneToDvrDuration_is400WithTheRange() {
        assertTrue(rejected("{\"duration\": 0}").contains("duration 0 s is outside the allowed range 1–3600"));
        assertTrue(rejected("{\"duration\": 3601}").contains("1–3600"));
    }

    @Test
    void create_rangeWhollyBeforeTheDvrWindow_is400WithTheWindow() {
        long dvrStartS = f.window().startMs() / 1000;
        String sentence = rejected("{\"start\": " + (dvrStartS - 30) + ", \"duration\": 2}");
        assertTrue(sentence.contains("before the DVR window " + dvrStartS + "–"), sentence);
    }

    @Test
    void create_startBeforeTheDvrOverlappingIt_isCutFromWhatTheDvrHolds_andTheClipSaysWhatItDelivers() {
        JsonNode stream = f.json(f.api("GET", "/streaming/streams/1", null));
        long dvrStartS = stream.get("dvr_start").asLong();
        long dvrStartMs = f.window().startMs();
        HttpResponse<String> created = f.api("PUT", CLIPS, "{\"start\": " + (dvrStartS - 5) + ", \"duration\": 7}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(dvrStartS, f.json(created).get("start").asLong(), "where the DVR starts");
        assertEquals(2, f.json(created).get("duration").asInt(), "the part the DVR holds");

        String one = CLIPS + "/" + f.json(created).get("id").asText();
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", one, null)).get("status").asText()));
        JsonNode ready = f.json(f.api("GET", one, null));
        assertEquals(dvrStartMs, ready.get("cut_start_ms").asLong(), "delivered from the DVR's first media");
        assertTrue(ready.get("cut_end_ms").asLong() >= (dvrStartS + 2) * 1000, ready.toString());
        assertEquals(0, ready.get("gap_ms").asLong());
    }

    @Test
    void create_startMoreThan60sAhead_is400() {
        String sentence = rejected("{\"start\": " + (f.nowS() + 61) + ", \"duration\": 2}");
        assertTrue(sentence.contains("more than 60 s after now"), sentence);
    }

    @Test
    void create_expirationOutside1MinuteTo4HoursAfterAvailability_is400WithTheAllowedRange() {
        long startS = f.nowS() - 3; // ended a second ago: available now
        long nowS = f.nowS();
        String soon = rejected("{\"start\": " + startS + ", \"duration\": 2, \"expiration\": " + (nowS + 59) + "}");
        assertTrue(soon.contains("allowed " + (nowS + 60) + "–" + (nowS + 14400)), soon);
        rejected("{\"start\": " + startS + ", \"duration\": 2, \"expiration\": " + (nowS + 14401) + "}");
        String past = rejected("{\"start\": " + startS + ", \"duration\": 2, \"expiration\": " + (nowS - 1) + "}");
        assertTrue(past.startsWith("expiration " + (nowS - 1) + " is already past"), past);
    }

    @Test
    void create_withoutExpiration_livesAnHourAfterItIsAvailable() {
        long startS = f.window().startMs() / 1000 + 1;
        HttpResponse<String> created = f.api("PUT", CLIPS, "{\"start\": " + startS + ", \"duration\": 1}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(f.nowS() + 3600, f.json(created).get("expiration").asLong());
    }

    @Test
    void create_nameLongerThan255_is400() {
        assertTrue(rejected("{\"duration\": 2, \"name\": \"" + "x".repeat(256) + "\"}").contains("at most 255"));
    }

    @Test
    void create_fieldsOfTheWrongType_are400NamingTheField() {
        assertTrue(rejected("{\"duration\": \"10\"}").startsWith("duration must be an integer"));
        assertTrue(rejected("{\"duration\": 2, \"start\": 17.5}").startsWith("start must be an integer"));
        assertTrue(rejected("{\"duration\": 2, \"vod_required\": \"yes\"}").startsWith("vod_required must be true or false"));
        assertTrue(rejected("{\"duration\": 2, \"accuracy\": \"pixel\"}").contains("\"segment\" or \"frame\""));
        assertTrue(rejected("{}").startsWith("duration is required"));
        assertTrue(rejected("{\"duration\": ").startsWith("The request body is not valid JSON"));
        assertTrue(rejected("[2]").contains("must be a JSON object"));
    }

    @Test
    void create_unknownFields_areIgnored() {
        HttpResponse<String> created = f.api("PUT", CLIPS,
                "{\"start\": " + (f.window().startMs() / 1000 + 1) + ", \"duration\": 1, \"colour\": \"red\"}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(1, f.json(created).get("duration").asInt());
    }

    @Test
    void create_extCutMsRange_halfGivenOutsideTheSecondsOrWithSegmentAccuracy_is400() {
        long startS = f.window().startMs() / 1000 + 1;
        String head = "{\"start\": " + startS + ", \"duration\": 2, ";
        assertTrue(rejected(head + "\"cut_from_ms\": " + (startS * 1000 + 520) + "}").contains("go together"));
        assertTrue(rejected(head + "\"cut_from_ms\": " + (startS * 1000 + 520) + ", \"cut_to_ms\": "
                + (startS * 1000 + 2040) + "}").contains("inside start to start + duration"));
        assertTrue(rejected(head + "\"cut_from_ms\": " + (startS * 1000 + 520) + ", \"cut_to_ms\": "
                + (startS * 1000 + 1280) + ", \"accuracy\": \"segment\"}").contains("\"accuracy\": \"frame\""));
    }

    @Test
    void create_extCutMsRange_isAFrameClipCutAtThoseMs_whileStartAndDurationStayWholeSeconds() {
        long startS = f.window().startMs() / 1000 + 1;
        long fromMs = startS * 1000 + 520;
        long toMs = startS * 1000 + 1280;
        HttpResponse<String> created = f.api("PUT", CLIPS, "{\"start\": " + startS + ", \"duration\": 2, "
                + "\"cut_from_ms\": " + fromMs + ", \"cut_to_ms\": " + toMs + "}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("frame", f.json(created).get("accuracy").asText());
        String one = CLIPS + "/" + f.json(created).get("id").asText();
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", one, null)).get("status").asText()));

        JsonNode ready = f.json(f.api("GET", one, null));
        assertEquals(startS, ready.get("start").asLong());
        assertEquals(2, ready.get("duration").asInt());
        assertEquals(fromMs, ready.get("cut_start_ms").asLong());
        assertEquals(toMs, ready.get("cut_end_ms").asLong());
    }

    @Test
    void delete_removesTheClipAndItsMediaNow() {
        HttpResponse<String> created = f.api("PUT", CLIPS,
                "{\"start\": " + (f.window().startMs() / 1000 + 1) + ", \"duration\": 1}");
        String one = CLIPS + "/" + f.json(created).get("id").asText();
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", one, null)).get("status").asText()));
        String mp4 = f.json(created).get("mp4_master").asText();
        assertEquals(200, f.media("GET", mp4).statusCode());

        assertEquals(204, f.api("DELETE", one, null).statusCode());
        error(f.api("GET", one, null), 404);
        assertEquals(404, f.media("GET", mp4).statusCode());
    }

    @Test
    void create_withDvrDisabled_is422() {
        assertEquals(200, f.api("PATCH", "/streaming/streams/1", "{\"dvr_enabled\": false}").statusCode());
        try {
            String sentence = error(f.api("PUT", CLIPS, "{\"duration\": 2}"), 422);
            assertTrue(sentence.contains("DVR must be enabled for clip recording"), sentence);
        } finally {
            assertEquals(200, f.api("PATCH", "/streaming/streams/1", "{\"dvr_enabled\": true}").statusCode());
        }
    }

    @Test
    void unknownStreamOrClip_is404() {
        error(f.api("PUT", "/streaming/streams/999/clip_recording", "{\"duration\": 2}"), 404);
        error(f.api("GET", "/streaming/streams/999/clip_recording", null), 404);
        error(f.api("GET", "/streaming/streams/999", null), 404);
        error(f.api("GET", CLIPS + "/abcdefabcdef", null), 404);
        error(f.api("DELETE", CLIPS + "/abcdefabcdef", null), 404);
        error(f.api("GET", "/streaming/videos/999", null), 404);
    }

    @Test
    void missingOrWrongKey_is401_andTheSchemeNameIgnoresCase() {
        HttpResponse<String> missing = f.send(f.request(CLIPS), "GET", null);
        assertTrue(error(missing, 401).contains("Authorization: APIKey"));
        assertEquals("APIKey", missing.headers().firstValue("WWW-Authenticate").orElse(""));
        error(f.send(f.request(CLIPS).header("Authorization", "APIKey wrong-key-wrong-key"), "GET", null), 401);
        error(f.send(f.request(CLIPS).header("Authorization", "Bearer " + f.key.token()), "GET", null), 401);
        error(f.send(f.request("/streaming/streams/1/clip_recording").header("Authorization", "APIKey "
                + f.key.token() + "x"), "PUT", "{\"duration\": 2}"), 401);
        assertEquals(200, f.send(f.request(CLIPS).header("Authorization", "apikey " + f.key.token()), "GET", null)
                .statusCode());
    }

    @Test
    void unknownPath_is404_andWrongVerb_is405WithAllow() {
        error(f.api("GET", "/streaming/nothing-here", null), 404);
        HttpResponse<String> verb = f.api("DELETE", "/streaming/streams", null);
        error(verb, 405);
        assertEquals("GET, POST", verb.headers().firstValue("Allow").orElse(""));
    }
}
