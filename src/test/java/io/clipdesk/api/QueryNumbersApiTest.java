package io.clipdesk.api;

import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every number a query names, on every route that takes one: out of its range, beyond a long or not a number at
 * all, it is a 400 that quotes what the client sent and says the range, never a number made to fit first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryNumbersApiTest {

    private static final String HUGE = "99999999999999999999";

    ServerFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private void assertRefused(String path, String sentence) {
        HttpResponse<String> response = f.api("GET", path, null);
        assertEquals(400, response.statusCode(), path + ": " + response.body());
        assertEquals(sentence, f.json(response).get("error").asText(), path);
    }

    @Test
    void pages_outOfRange_orBeyondALong_areQuoted() {
        assertRefused("/streaming/streams?page=" + HUGE,
                "Query parameter page must be a whole number of 1 or more, got \"" + HUGE + "\".");
        assertRefused("/streaming/streams?per_page=0",
                "Query parameter per_page must be a whole number of 1 or more, got \"0\".");
        assertRefused("/streaming/videos?page=two",
                "Query parameter page must be a whole number of 1 or more, got \"two\".");
        assertRefused("/streaming/streams?page=%D9%A3", "Query parameter page must be a whole number of 1 or more, "
                + "got \"\u0663\".");
        assertEquals(200, f.api("GET", "/streaming/streams?page=9223372036854775807", null).statusCode(),
                "the largest page is a page, and empty");
    }

    @Test
    void videoFilters_outOfRange_orBeyondALong_areQuoted() {
        assertRefused("/streaming/videos?stream_id=" + HUGE,
                "Query parameter stream_id must be a whole number of 1 or more, got \"" + HUGE + "\".");
        assertRefused("/streaming/videos?client_user_id=-1",
                "Query parameter client_user_id must be a whole number of 0 or more, got \"-1\".");
        assertRefused("/streaming/videos?id=1," + HUGE, "Query parameter id must be whole numbers of 1 or more "
                + "separated by commas, such as 1,101; got \"" + HUGE + "\".");
        assertEquals("[]", f.api("GET", "/streaming/videos?id=1,,2", null).body(), "a blank item is skipped");
    }

    @Test
    void eventsStreamId_beyondALong_isQuoted() {
        assertRefused("/streaming/events?stream_id=" + HUGE,
                "Query parameter stream_id must be a whole number of 1 or more, got \"" + HUGE + "\".");
    }

    @Test
    void liveNextAfter_beyondALong_isQuoted() {
        LiveStream stream = f.engine.streams().get(ServerFixture.STREAM);
        HttpResponse<byte[]> response = f.media("GET", MediaPaths.liveUrl(stream, "media_1_360_next.ts")
                + "?after=" + HUGE);
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"Query parameter after must be a Unix time in ms from 0 to 253402300799999, got \\\""
                + HUGE + "\\\".\"}", new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
