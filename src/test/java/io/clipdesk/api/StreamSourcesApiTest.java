package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.testing.FfmpegCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams with real sources through POST/PATCH/DELETE /streaming/streams, on the real engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamSourcesApiTest {

    ServerFixture f;
    Path media;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        media = FfmpegCli.h264File(dir.resolve("loop.mp4"), 2);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private JsonNode created(String body) {
        HttpResponse<String> response = f.api("POST", "/streaming/streams", body);
        assertEquals(201, response.statusCode(), response.body());
        return f.json(response);
    }

    private String refused(String body) {
        HttpResponse<String> response = f.api("POST", "/streaming/streams", body);
        assertEquals(400, response.statusCode(), response.body());
        return f.json(response).get("error").asText();
    }

    @Test
    void rtmpStream_showsAPushUrlAnEncoderCanUseAsItIs() throws Exception {
        int port = FfmpegCli.freeTcpPort();
        JsonNode stream = created("{\"name\": \"Camera\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}");
        String pushUrl = stream.get("push_url").asText();
        assertTrue(pushUrl.matches("rtmp://127\\.0\\.0\\.1:" + port + "/live/[a-z0-9]{12}"), pushUrl);
        assertEquals("rtmp_push", stream.get("source").asText());
        String path = "/streaming/streams/" + stream.get("id").asLong();

        Process encoder = FfmpegCli.push(pushUrl, "flv", 20);
        try {
            ServerFixture.await("the pushed stream to be live",
                    () -> f.json(f.api("GET", path, null)).get("live").asBoolean());
        } finally {
            encoder.destroyForcibly();
        }
        JsonNode live = f.json(f.api("GET", path, null));
        assertEquals("live", live.get("health").asText());
        assertEquals(320, live.get("video_width").asInt(), "the remuxed source's own size");
        assertEquals("[\"180\"]", live.get("transcoded_qualities").toString());
        assertEquals(204, f.api("DELETE", path, null).statusCode());
        created("{\"name\": \"Camera again\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}");
    }

    @Test
    void srtStream_carriesItsPassphraseInThePushUrl_andAWeakOneIs400() {
        int port = FfmpegCli.freeUdpPort();
        JsonNode stream = created("{\"name\": \"Field\", \"source\": {\"type\": \"srt\", \"port\": " + port
                + ", \"passphrase\": \"correct-horse-battery\"}}");
        assertEquals("srt://127.0.0.1:" + port + "?passphrase=correct-horse-battery", stream.get("push_url").asText());
        assertEquals("source.passphrase must be 10–79 characters of letters, digits and - _ . ~.",
                refused("{\"name\": \"x\", \"source\": {\"type\": \"srt\", \"passphrase\": \"short\"}}"));
    }

    @Test
    void aPortAnotherStreamListensOn_is400NamingThatStream() {
        int port = FfmpegCli.freeTcpPort();
        long first = created("{\"name\": \"One\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}")
                .get("id").asLong();
        assertEquals("port " + port + " already takes pushes for stream " + first
                        + " (One); pick another port or leave it out",
                refused("{\"name\": \"Two\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}"));
    }

    @Test
    void fileSource_isPlayedWhenItIsMedia_andAMissingOrNonMediaFileIs400() {
        JsonNode stream = created("{\"name\": \"Loop\", \"source\": {\"type\": \"file\", \"path\": \"" + media + "\"}}");
        assertEquals("file_loop", stream.get("source").asText());
        assertTrue(stream.get("push_url").isNull());
        assertEquals("file /no/such/clip.mp4 does not exist",
                refused("{\"name\": \"x\", \"source\": {\"type\": \"file\", \"path\": \"/no/such/clip.mp4\"}}"));
        assertTrue(refused("{\"name\": \"x\", \"source\": {\"type\": \"file\", \"path\": \"/etc/passwd\"}}")
                .startsWith("file /etc/passwd is not a media file with video"));
        assertEquals("source.path is required for a file source: the absolute path of a media file on the server.",
                refused("{\"name\": \"x\", \"source\": {\"type\": \"file\"}}"));
    }

    @Test
    void pullUrl_unreachable_isAccepted_butMalformedOrAnUnknownTypeIs400() {
        JsonNode pulled = created("{\"name\": \"Origin\", \"pull_url\": \"http://127.0.0.1:1/live/index.m3u8\"}");
        assertTrue(pulled.get("pull").asBoolean());
        assertEquals("http://127.0.0.1:1/live/index.m3u8", pulled.get("uri").asText());
        String path = "/streaming/streams/" + pulled.get("id").asLong();
        ServerFixture.await("the unreachable origin to show disconnected",
                () -> f.json(f.api("GET", path, null)).get("health").asText().equals("disconnected"));

        assertTrue(refused("{\"name\": \"x\", \"pull_url\": \"ftp://example.com/a.m3u8\"}")
                .startsWith("pull_url must be an http:// or https:// URL"));
        assertEquals("source.type must be one of test_signal, hls, rtmp, srt, file; got \"webrtc\".",
                refused("{\"name\": \"x\", \"source\": {\"type\": \"webrtc\"}}"));
        assertEquals("source must be a string, not the number 5.", refused("{\"name\": \"x\", \"source\": 5}"));
    }

    @Test
    void patch_changesTheSource_andTheStreamSaysSo() {
        JsonNode stream = created("{\"name\": \"Switch\"}");
        assertEquals("test_signal", stream.get("source").asText());
        String path = "/streaming/streams/" + stream.get("id").asLong();
        HttpResponse<String> patched = f.api("PATCH", path,
                "{\"source\": {\"type\": \"hls\", \"url\": \"http://127.0.0.1:1/other.m3u8\"}}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("hls_pull", f.json(patched).get("source").asText());
        assertEquals("http://127.0.0.1:1/other.m3u8", f.json(f.api("GET", path, null)).get("uri").asText());
        assertEquals(400, f.api("PATCH", path, "{\"source\": {\"type\": \"file\", \"path\": \"/nope.mp4\"}}")
                .statusCode());
    }
}
