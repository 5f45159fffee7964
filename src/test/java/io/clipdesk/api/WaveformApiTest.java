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

/** (ext) GET /streaming/streams/{id}/waveform on a real server over the real engine's test signal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveformApiTest {

    private static final String WAVEFORM = "/streaming/streams/1/waveform";

    ServerFixture f;
    long fromS;
    long toS;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(6));
        fromS = f.window().startMs() / 1000 + 1;
        toS = fromS + 4;
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void GET_waveform_fourSecondsAt20ms_hasABeepOnEachWholeSecondAndSilenceBetween() {
        HttpResponse<String> response = f.api("GET", WAVEFORM + "?from=" + fromS + "&to=" + toS, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = f.json(response);
        assertEquals(1, body.get("stream_id").asLong());
        assertEquals(fromS * 1000, body.get("start_ms").asLong());
        assertEquals(toS * 1000, body.get("end_ms").asLong());
        assertEquals(20, body.get("bucket_ms").asInt());
        assertEquals(200, body.get("count").asInt());
        JsonNode peak = body.get("peak");
        JsonNode rms = body.get("rms");
        assertEquals(200, peak.size());
        assertEquals(200, rms.size());
        for (int i = 0; i < 200; i++) {
            double p = peak.get(i).asDouble();
            if (i % 50 < 5) {
                // 0.5 of full scale: the 100 ms beep that starts on each whole second, RMS of a sine 0.5/√2.
                assertEquals(0.5, p, 0.05, "bucket " + i + " is in a beep");
                assertEquals(0.354, rms.get(i).asDouble(), 0.05, "bucket " + i + " RMS");
            } else if (i % 50 > 6 && i % 50 < 49) {
                assertTrue(p < 0.01, "bucket " + i + " is silent: " + p);
            }
        }
    }

    @Test
    void GET_waveform_longRange_isDownsampledToTheBucketsAskedFor_withNullsWhereNoMediaIs() {
        long toLong = -Math.floorDiv(-toS, 10) * 10; // on the 10 s grid, so the hour fills exactly 360 buckets
        long fromLong = toLong - 3_600;
        JsonNode body = f.json(f.api("GET", WAVEFORM + "?from=" + fromLong + "&to=" + toLong + "&buckets=360", null));
        assertEquals(360, body.get("count").asInt());
        assertEquals(10_000, body.get("bucket_ms").asInt(), "an hour in 360 buckets of 10 s");
        JsonNode peak = body.get("peak");
        assertTrue(peak.get(0).isNull(), "an hour ago the DVR held nothing: null, not silence");
        assertFalse(peak.get(359).isNull(), "the last 10 s hold the DVR's sound");
        assertEquals(0.5, peak.get(359).asDouble(), 0.05, "a bucket's peak is its loudest moment");
    }

    @Test
    void GET_waveform_badRanges_are400WithASentence() {
        assertBadRequest("?from=" + toS + "&to=" + fromS, "must end after it starts");
        assertBadRequest("?from=" + fromS + "&to=" + fromS, "must end after it starts");
        assertBadRequest("?from=" + fromS + "&to=" + (fromS + 25 * 3600), "at most 24 h");
        assertBadRequest("?to=" + toS, "from is required");
        assertBadRequest("?from=" + fromS + "&to=soon", "Query parameter to must be a Unix time in seconds from 0 to "
                + "253402300799, got \"soon\".");
        assertBadRequest("?from=" + fromS * 1000 + "&to=" + toS * 1000, "Query parameter from must be a Unix time in "
                + "seconds from 0 to 253402300799, got \"" + fromS * 1000 + "\".");
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=0", "Query parameter buckets must be a whole number "
                + "from 1 to 10000, got \"0\".");
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=20000", "Query parameter buckets must be a whole "
                + "number from 1 to 10000, got \"20000\".");
    }

    @Test
    void GET_waveform_bucketsBeyondAnInt_orBeyondALong_isQuotedAsSent_notAsAClampedNumber() {
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=99999999999", "Query parameter buckets must be a "
                + "whole number from 1 to 10000, got \"99999999999\".");
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=-99999999999", "got \"-99999999999\".");
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=99999999999999999999999", "Query parameter "
                + "buckets must be a whole number from 1 to 10000, got \"99999999999999999999999\".");
        assertBadRequest("?from=" + fromS + "&to=" + toS + "&buckets=12.5", "got \"12.5\".");
        assertBadRequest("?from=99999999999999999999&to=" + toS, "Query parameter from must be a Unix time in seconds "
                + "from 0 to 253402300799, got \"99999999999999999999\".");
    }

    @Test
    void GET_waveform_unknownStreamIs404_andWithoutAKeyIs401() {
        HttpResponse<String> unknown = f.api("GET", "/streaming/streams/77/waveform?from=" + fromS + "&to=" + toS, null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        HttpResponse<String> anonymous = f.send(f.request(WAVEFORM + "?from=" + fromS + "&to=" + toS), "GET", null);
        assertEquals(401, anonymous.statusCode());
    }

    private void assertBadRequest(String query, String sentencePart) {
        HttpResponse<String> response = f.api("GET", WAVEFORM + query, null);
        assertEquals(400, response.statusCode(), query + ": " + response.body());
        String error = f.json(response).get("error").asText();
        assertTrue(error.contains(sentencePart), query + ": " + error);
        assertTrue(error.endsWith("."), "a sentence: " + error);
    }
}
