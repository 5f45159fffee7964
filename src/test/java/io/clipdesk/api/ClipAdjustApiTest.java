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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** (ext) POST …/adjust and …/trim on a real server: a new clip with the old one's metadata, or a 400 naming the rule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipAdjustApiTest {

    private static final String CLIPS = "/streaming/streams/1/clip_recording";

    ServerFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir);
        f.produce(Duration.ofSeconds(8));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return f.json(response);
    }

    private JsonNode clip(long startS, int durationS) {
        JsonNode created = ok(f.api("PUT", CLIPS, "{\"start\": " + startS + ", \"duration\": " + durationS
                + ", \"name\": \"Save of the day\", \"tags\": [\"save\"], \"created_by\": \"bo\","
                + " \"description\": \"Diving save\"}"));
        String id = created.get("id").asText();
        ServerFixture.await("clip " + id + " ready", () -> f.json(f.api("GET", CLIPS + "/" + id, null))
                .get("status").asText().equals("ready"));
        return created;
    }

    @Test
    void adjust_movesTheRange_keepsTheMetadata_andTheOldClipIsGone() {
        long dvrStartS = f.window().startMs() / 1000;
        JsonNode old = clip(dvrStartS + 2, 2);

        JsonNode adjusted = ok(f.api("POST", CLIPS + "/" + old.get("id").asText() + "/adjust",
                "{\"start\": " + (dvrStartS + 1) + ", \"duration\": 4}"));

        assertNotEquals(old.get("id").asText(), adjusted.get("id").asText());
        assertEquals(dvrStartS + 1, adjusted.get("start").asLong());
        assertEquals(4, adjusted.get("duration").asLong());
        for (String field : new String[] {"name", "description", "created_by", "tags"}) {
            assertEquals(old.get(field), adjusted.get(field), field);
        }
        assertEquals(404, f.api("GET", CLIPS + "/" + old.get("id").asText(), null).statusCode());
    }

    @Test
    void adjust_outsideTheDvr_is400NamingTheRule() {
        long dvrStartS = f.window().startMs() / 1000;
        JsonNode old = clip(dvrStartS + 1, 1);

        HttpResponse<String> refused = f.api("POST", CLIPS + "/" + old.get("id").asText() + "/adjust",
                "{\"cut_from_ms\": " + (dvrStartS - 3) * 1000 + ", \"cut_to_ms\": " + (dvrStartS + 2) * 1000 + "}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(f.json(refused).get("error").asText().contains("ADJUST_OUTSIDE_DVR"), refused.body());
        assertEquals(200, f.api("GET", CLIPS + "/" + old.get("id").asText(), null).statusCode(), "nothing lost");
    }

    @Test
    void trim_outsideTheClip_is400NamingTheRule_andInsideMakesTheShorterClip() {
        long dvrStartS = f.window().startMs() / 1000;
        JsonNode old = clip(dvrStartS + 1, 3);
        String one = CLIPS + "/" + old.get("id").asText();
        long cutStartMs = f.json(f.api("GET", one, null)).get("cut_start_ms").asLong();

        HttpResponse<String> refused = f.api("POST", one + "/trim", "{\"cut_from_ms\": " + (cutStartMs - 1000)
                + ", \"cut_to_ms\": " + (cutStartMs + 1000) + "}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(f.json(refused).get("error").asText().contains("TRIM_OUTSIDE_CLIP"), refused.body());

        JsonNode trimmed = ok(f.api("POST", one + "/trim", "{\"cut_from_ms\": " + (cutStartMs + 1000)
                + ", \"cut_to_ms\": " + (cutStartMs + 2000) + "}"));
        assertEquals("ready", trimmed.get("status").asText());
        assertEquals(1, trimmed.get("duration").asLong());
        assertEquals(old.get("tags"), trimmed.get("tags"));
    }

    /**
     * A start so far back that start × 1000 wraps around a long onto the DVR (a hostile or broken client) is refused
     * with a sentence, and the clip is left as it was; it used to make a clip of the wrapped range and drop the old.
     */
    @Test
    void adjust_startWhoseMillisecondsOverflowIntoTheDvr_is400AndTheClipStays() {
        long dvrStartS = f.window().startMs() / 1000;
        JsonNode old = clip(dvrStartS + 1, 2);
        long wrappingS = wrappingOnto((dvrStartS + 1) * 1000);

        HttpResponse<String> refused = f.api("POST", CLIPS + "/" + old.get("id").asText() + "/adjust",
                "{\"start\": " + wrappingS + ", \"duration\": 2}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(f.json(refused).get("error").asText().contains("start " + wrappingS), refused.body());
        assertEquals(200, f.api("GET", CLIPS + "/" + old.get("id").asText(), null).statusCode(), "nothing lost");
    }

    /** The most negative second whose value × 1000, wrapped around a long, is {@code targetMs}. */
    private static long wrappingOnto(long targetMs) {
        java.math.BigInteger wrap = java.math.BigInteger.ONE.shiftLeft(64);
        for (long ms = targetMs; ms < targetMs + 8000; ms += 1000) {
            for (int k = -500; k < 0; k++) {
                java.math.BigInteger[] qr = java.math.BigInteger.valueOf(ms)
                        .add(wrap.multiply(java.math.BigInteger.valueOf(k)))
                        .divideAndRemainder(java.math.BigInteger.valueOf(1000));
                if (qr[1].signum() == 0 && qr[0].bitLength() < 64) {
                    long startS = qr[0].longValueExact();
                    assertEquals(ms, startS * 1000, "the multiplication wraps onto the DVR");
                    return startS;
                }
            }
        }
        throw new AssertionError("no wrapping second near " + targetMs);
    }

    @Test
    void adjust_withoutARange_saysWhatToSend() {
        JsonNode old = clip(f.window().startMs() / 1000 + 1, 1);
        HttpResponse<String> refused = f.api("POST", CLIPS + "/" + old.get("id").asText() + "/adjust", "{}");
        assertEquals(400, refused.statusCode());
        assertTrue(f.json(refused).get("error").asText().contains("cut_from_ms"), refused.body());
    }

    @Test
    void reframes_postIs202_getShowsItReadyWithItsLinks_andABadAspectOrCropIs400() {
        JsonNode old = clip(f.window().startMs() / 1000 + 1, 2);
        String reframes = CLIPS + "/" + old.get("id").asText() + "/reframes";

        HttpResponse<String> asked = f.api("POST", reframes, "{\"aspect\": \"1:1\", \"crop\": {\"x\": 0.25}}");
        assertEquals(202, asked.statusCode(), asked.body());
        assertEquals("1:1", f.json(asked).get("aspect").asText());
        assertEquals(0.25, f.json(asked).get("crop").get(0).get("x").asDouble());
        f.engine.awaitReframes();
        JsonNode listed = ok(f.api("GET", reframes, null)).get(0);
        assertEquals("ready", listed.get("status").asText(), listed.toString());
        assertEquals(1.0, listed.get("progress").asDouble());
        assertEquals(1080, listed.get("height").asInt());
        assertEquals(200, f.media("GET", listed.get("mp4_url").asText()).statusCode());
        assertEquals(200, f.media("GET", listed.get("hls_url").asText()).statusCode());

        HttpResponse<String> badAspect = f.api("POST", reframes, "{\"aspect\": \"16:9\"}");
        assertEquals(400, badAspect.statusCode());
        assertTrue(f.json(badAspect).get("error").asText().contains("\"9:16\""), badAspect.body());
        HttpResponse<String> badCrop = f.api("POST", reframes, "{\"aspect\": \"9:16\", \"crop\": {\"x\": 2}}");
        assertEquals(400, badCrop.statusCode());
        assertTrue(f.json(badCrop).get("error").asText().contains("0 to 1"), badCrop.body());
    }
}
