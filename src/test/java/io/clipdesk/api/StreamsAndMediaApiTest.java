package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.api.files.HotFiles;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.hls.MultivariantPlaylist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams, health, the live playlists and the safety of media paths, on the real engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsAndMediaApiTest {

    private static final Set<String> STREAM_FIELDS = new TreeSet<>(List.of("id", "name", "active", "live",
            "dvr_enabled", "dvr_duration", "hls_mpegts_url", "screenshot", "started_at_primary", "video_width",
            "video_height", "frame_rate", "transcoded_qualities", "created_at", "pull", "uri", "dvr_start", "dvr_end",
            "source", "push_url", "health", "health_detail"));

    ServerFixture f;
    Path outside;
    JsonNode clip;

    @BeforeAll
    void start(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        outside = elsewhere;
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(4));
        HttpResponse<String> created = f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"start\": " + (f.window().startMs() / 1000 + 1) + ", \"duration\": 1}");
        assertEquals(200, created.statusCode(), created.body());
        clip = f.json(created);
        String path = "/streaming/streams/1/clip_recording/" + clip.get("id").asText();
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", path, null)).get("status").asText()));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void stream_hasTheFieldsOfApiMd_withGcoreTypesAndALiveDvrPlaylist() {
        JsonNode list = f.json(f.api("GET", "/streaming/streams", null));
        assertEquals(1, list.size());
        JsonNode stream = f.json(f.api("GET", "/streaming/streams/1", null));
        Set<String> names = new TreeSet<>();
        stream.fieldNames().forEachRemaining(names::add);
        assertEquals(STREAM_FIELDS, names);
        assertTrue(stream.get("live").asBoolean());
        assertTrue(stream.get("health_detail").isNull(), "nothing to explain while live");
        assertTrue(stream.get("dvr_enabled").asBoolean());
        assertEquals(3600, stream.get("dvr_duration").asInt());
        assertEquals(f.window().startMs() / 1000, stream.get("dvr_start").asLong(), 1);
        assertTrue(stream.get("dvr_end").asLong() > stream.get("dvr_start").asLong());
        assertEquals("[\"360\",\"720\"]", stream.get("transcoded_qualities").toString(), "List[str] in the SDK");
        assertEquals(f.engine.streams().state(ServerFixture.STREAM).startedAtMs(),
                Instant.parse(stream.get("started_at_primary").asText()).toEpochMilli(), "ISO 8601, as created_at");
        assertEquals("test_signal", stream.get("source").asText());

        HttpResponse<byte[]> dvr = f.media("GET", stream.get("hls_mpegts_url").asText());
        assertEquals(200, dvr.statusCode());
        assertTrue(dvr.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "live is never cached");
        MultivariantPlaylist master = MultivariantPlaylist.parse(text(dvr));
        String base = stream.get("hls_mpegts_url").asText().replaceAll("[^/]+$", "");
        String rendition = text(f.media("GET", base + master.variants().get(0).uri()));
        MediaPlaylist window = MediaPlaylist.parse(rendition);
        assertTrue(window.entries().size() >= 3, rendition);
        assertEquals(window.entries().size(), rendition.split("#EXT-X-PROGRAM-DATE-TIME:", -1).length - 1,
                "a PROGRAM-DATE-TIME on every segment");
        assertEquals(200, f.media("GET", base + window.entries().get(0).uri()).statusCode());
        assertEquals("image/jpeg", f.media("GET", stream.get("screenshot").asText()).headers()
                .firstValue("Content-Type").orElse(""));
        assertEquals(200, f.media("GET", base + "index.m3u8").statusCode());
    }

    @Test
    void stream_createPatchCleanupDelete_andBadFieldsAre400() {
        HttpResponse<String> created = f.api("POST", "/streaming/streams",
                "{\"name\": \"Second camera\", \"dvr_duration\": 600}");
        assertEquals(201, created.statusCode(), created.body());
        long id = f.json(created).get("id").asLong();
        String path = "/streaming/streams/" + id;
        assertEquals(600, f.json(created).get("dvr_duration").asInt());

        assertEquals("Wide shot", f.json(f.api("PATCH", path, "{\"name\": \"Wide shot\"}")).get("name").asText());
        JsonNode wrapped = f.json(f.api("PATCH", path, "{\"stream\": {\"dvr_duration\": 7200, \"dvr_enabled\": false}}"));
        assertEquals(7200, wrapped.get("dvr_duration").asInt(), "Gcore's SDK wraps PATCH bodies in {\"stream\": …}");
        assertFalse(wrapped.get("dvr_enabled").asBoolean());
        assertEquals(400, f.api("PATCH", path, "{\"dvr_duration\": 10}").statusCode());
        assertEquals(400, f.api("PATCH", path, "{\"name\": 42}").statusCode());

        assertEquals(204, f.api("PUT", path + "/dvr_cleanup", null).statusCode());
        assertEquals(204, f.api("DELETE", path, null).statusCode());
        assertEquals(404, f.api("GET", path, null).statusCode());

        assertEquals(400, f.api("POST", "/streaming/streams", "{\"dvr_enabled\": true}").statusCode(), "name required");
        HttpResponse<String> fileLoop = f.api("POST", "/streaming/streams",
                "{\"name\": \"x\", \"source\": \"file_loop\", \"uri\": \"/etc/passwd\"}");
        assertEquals(400, fileLoop.statusCode(), "a file that is not media is refused");
        assertEquals(400, f.api("POST", "/streaming/streams", "{\"name\": \"x\", \"pull_url\": \"file:///etc/passwd\"}")
                .statusCode());
    }

    @Test
    void liveEdgeByStreamId_isTheSlidingPlaylist_withItsSegments_butNotTheDvr() {
        f.produce(Duration.ofSeconds(10)); // a DVR longer than the live edge
        HttpResponse<byte[]> index = f.media("GET", "/live/1/index.m3u8");
        assertEquals(200, index.statusCode());
        assertEquals("application/vnd.apple.mpegurl", index.headers().firstValue("Content-Type").orElse(""));
        assertTrue(index.headers().firstValue("Cache-Control").orElse("").contains("no-cache"));
        String playlist = text(index);
        assertTrue(playlist.startsWith("#EXTM3U") && !playlist.contains("#EXT-X-ENDLIST"), playlist);
        List<String> uris = playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertFalse(uris.isEmpty(), playlist);
        assertFalse(playlist.contains(f.engine.streams().get(1).mediaKey()), "the media key stays secret");
        HttpResponse<byte[]> segment = f.media("GET", "/live/1/" + uris.get(uris.size() - 1));
        assertEquals(200, segment.statusCode());
        assertEquals("video/mp2t", segment.headers().firstValue("Content-Type").orElse(""));
        String oldest = f.engine.streams().segments(1, Long.MIN_VALUE, Long.MAX_VALUE).get(0).sequence() + "";
        String rendition = uris.get(0).substring(0, uris.get(0).lastIndexOf('_'));
        assertEquals(404, f.media("GET", "/live/1/" + rendition + "_" + oldest + ".ts").statusCode(),
                "the DVR behind the edge needs the keyed path");
        assertEquals(404, f.media("GET", "/live/1/dvr.m3u8").statusCode());
        assertEquals(404, f.media("GET", "/live/99/index.m3u8").statusCode());
    }

    @Test
    void health_answersWithoutAKey() {
        HttpResponse<String> health = f.send(f.request("/health"), "GET", null);
        assertEquals(200, health.statusCode());
        JsonNode body = f.json(health);
        assertEquals("ok", body.get("status").asText());
        assertEquals(1, body.get("streams").asInt());
        assertTrue(body.get("disk_free_bytes").asLong() > 0);
    }

    @Test
    void mediaPaths_thatTryToLeaveTheirFolder_are404_andServeNothingFromOutside() throws Exception {
        String key = f.key.token();
        String id = clip.get("id").asText();
        List<String> attempts = List.of(
                "/rec/1/../../api-key", "/rec/1/..%2f..%2fapi-key", "/rec/1/%2e%2e/%2e%2e/api-key",
                "/rec/1/%2e%2e%2f%2e%2e%2fapi-key", "/rec/1/rec_" + id + "_master.mp4%2f..%2f..%2f..%2fapi-key",
                "/videos/..%5c..%5capi-key/master.m3u8", "/live/1_abcdefabcdef/..%2f..%2f..%2fclipdesk.db",
                "/rec/1/", "/rec/1", "/rec/", "/videos/", "/live/", "/clips/" + id + "/rec_" + id + "_master.mp4",
                "/api-key", "/clipdesk.db", "/rec/1/rec_" + id + "_master.mp4%00", "//etc/passwd",
                "/rec/1/rec_" + id + "_MASTER.mp4");
        for (String target : attempts) {
            String response = f.raw(target);
            assertTrue(response.startsWith("HTTP/1.1 404"), target + " → " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains(key) || response.contains("SQLite format"), target);
        }
        String backslash = f.raw("/rec/1/..\\..\\api-key");
        assertTrue(backslash.startsWith("HTTP/1.1 404") || backslash.startsWith("HTTP/1.1 400"), backslash);
        assertFalse(backslash.contains(key));
    }

    @Test
    void clipFolderSwappedForALinkOutOfTheDataDir_is404() throws Exception {
        String id = clip.get("id").asText();
        // Each asked once before, so each is kept open (segment, MP4) or in memory (playlist) when the folder moves.
        List<String> media = List.of(clip.get("mp4_master").asText(),
                io.clipdesk.engine.storage.MediaPaths.clipUrl(1,
                        io.clipdesk.engine.storage.MediaPaths.clipSegment(id, "media_2_720", 0)),
                io.clipdesk.engine.storage.MediaPaths.clipUrl(1,
                        io.clipdesk.engine.storage.MediaPaths.clipPlaylist(id, "media_2_720")));
        for (String url : media) {
            assertEquals(200, f.media("GET", url).statusCode(), url);
        }
        Path folder = f.engine.layout().clipDir(id);
        Path moved = outside.resolve(id);
        Files.move(folder, moved);
        Files.createSymbolicLink(folder, moved);
        try {
            for (String url : media) {
                assertEquals(404, f.media("GET", url).statusCode(), url + ": the real path leaves the data dir");
            }
        } finally {
            Files.delete(folder);
            Files.move(moved, folder);
        }
        for (String url : media) {
            assertEquals(200, f.media("GET", url).statusCode(), url);
        }
    }

    @Test
    void clipSegment_sentFromAChannelKeptOpen_followsItsFileWhenReplacedOrDeleted() throws Exception {
        String id = clip.get("id").asText();
        String name = io.clipdesk.engine.storage.MediaPaths.clipSegment(id, "media_2_720", 0);
        Path file = f.engine.layout().clipDir(id).resolve(name);
        assertTrue(Files.size(file) > HotFiles.MAX_FILE_BYTES, "sent by sendfile, not from memory");
        String url = io.clipdesk.engine.storage.MediaPaths.clipUrl(1, name);
        byte[] original = Files.readAllBytes(file);
        try {
            assertArrayEquals(original, f.media("GET", url).body());
            assertArrayEquals(original, f.media("GET", url).body(), "again, from the channel kept open");
            assertArrayEquals(java.util.Arrays.copyOfRange(original, 1000, 2000),
                    f.media("GET", url, "Range", "bytes=1000-1999").body());
            byte[] changed = original.clone();
            changed[changed.length - 1] ^= 1;
            Path replacement = Files.write(file.resolveSibling("replacement.tmp"), changed);
            Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertArrayEquals(changed, f.media("GET", url).body(), "a replaced file is opened again");
            Files.delete(file);
            assertEquals(404, f.media("GET", url).statusCode(), "a deleted file is not served from the kept channel");
        } finally {
            Files.write(file, original);
        }
        assertArrayEquals(original, f.media("GET", url).body());
    }

    @Test
    void media_allowsAnyOrigin_andAnswersPreflight() {
        String mp4 = clip.get("mp4_master").asText();
        HttpResponse<byte[]> preflight = f.media("OPTIONS", mp4, "Origin", "https://player.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "range");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Range"));
        HttpResponse<byte[]> get = f.media("GET", mp4, "Origin", "https://player.example");
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void responses_useTheConfiguredPublicBaseUrl() throws Exception {
        ApiConfig config = ApiConfig.of("127.0.0.1", 0, f.key).withPublicBaseUrl("https://clips.example.com/");
        try (ApiServer proxied = ApiServer.start(config, ApiBackend.of(f.engine), new StringWriter())) {
            HttpResponse<String> list = f.send(f.request("http://127.0.0.1:" + proxied.port()
                    + "/streaming/streams/1/clip_recording").header("Authorization", "APIKey " + f.key.token()), "GET", null);
            assertTrue(f.json(list).get(0).get("mp4_master").asText().startsWith("https://clips.example.com/rec/1/"),
                    list.body());
        }
    }

    @Test
    void everyRequest_writesOneAccessLogLine_withoutTheQuery() {
        f.send(f.request("/health?token=secret123"), "GET", null);
        ServerFixture.await("access log line", () -> f.accessLog.toString().contains("GET /health 200"));
        String log = f.accessLog.toString();
        assertFalse(log.contains("secret123"));
        String line = log.lines().filter(l -> l.contains("GET /health 200")).findFirst().orElseThrow();
        assertTrue(line.matches("\\S+Z GET /health 200 \\d+ B \\d+ ms"), line);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
