package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.hls.MultivariantPlaylist;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.clipdesk.api.ServerFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's story over HTTP, on the real engine: a clip whose end is still ahead is 425 with Retry-After,
 * then plays as HLS and MP4 (with ranges), then is 404 after its expiration while its permanent video stays.
 * The second test moves the clock past expiration, so it runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClipLifecycleApiTest {

    private static final Set<String> CLIP_FIELDS = new TreeSet<>(List.of("id", "start", "duration", "expiration",
            "created_at", "vod_required", "video_id", "renditions", "hls_master", "mp4_master", "name", "status",
            "cut_start_ms", "cut_end_ms", "gap_ms", "accuracy", "description", "tags", "created_by"));

    Path dir;
    ServerFixture f;
    String clipPath;
    JsonNode clip;
    JsonNode vodClip;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        f = new ServerFixture(dir);
        f.produce(Duration.ofSeconds(6));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    @Order(1)
    void clip_endingInTheFuture_is425WithRetryAfter_thenPlaysAsHlsAndMp4() throws Exception {
        long startS = f.nowS() - 2;
        HttpResponse<String> created = f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"start\": " + startS + ", \"duration\": 4, \"name\": \"Goal\"}");
        assertEquals(200, created.statusCode(), created.body());
        clip = f.json(created);
        assertEquals(CLIP_FIELDS, fieldNames(clip), "exactly the Clip object of API.md");
        assertTrue(clip.get("id").asText().matches("[a-z0-9]{12}"));
        assertEquals(startS, clip.get("start").asLong());
        assertEquals(4, clip.get("duration").asInt());
        assertEquals(startS + 4 + 3600, clip.get("expiration").asLong(), "default expiration: 1 h after it is available (its end)");
        assertTrue(clip.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(clip.get("video_id").isNull());
        assertEquals("recording", clip.get("status").asText());
        String id = clip.get("id").asText();
        String mp4 = clip.get("mp4_master").asText();
        assertEquals(f.base() + "/rec/1/rec_" + id + "_master.mp4", mp4);
        assertEquals(f.base() + "/rec/1/rec_" + id + "_master.m3u8", clip.get("hls_master").asText());

        HttpResponse<byte[]> early = f.media("GET", mp4);
        assertEquals(425, early.statusCode());
        long retryAfterS = Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfterS >= 1 && retryAfterS <= 3, "seconds until start + duration: " + retryAfterS);
        JsonNode tooEarly = f.json.readTree(early.body());
        assertTrue(tooEarly.get("error").asText().contains("ready at"), tooEarly.toString());
        assertTrue(tooEarly.get("ready_at").asLong() >= startS + 4);
        assertEquals("*", early.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        f.produce(Duration.ofSeconds(3));
        clipPath = "/streaming/streams/1/clip_recording/" + id;
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", clipPath, null)).get("status").asText()));

        HttpResponse<byte[]> master = f.media("GET", clip.get("hls_master").asText());
        assertEquals(200, master.statusCode());
        assertEquals("application/vnd.apple.mpegurl", master.headers().firstValue("Content-Type").orElse(""));
        MultivariantPlaylist variants = MultivariantPlaylist.parse(text(master));
        assertEquals(2, variants.variants().size(), "one variant per rendition");
        for (MultivariantPlaylist.Variant variant : variants.variants()) {
            HttpResponse<byte[]> rendition = f.media("GET", f.base() + "/rec/1/" + variant.uri());
            assertEquals(200, rendition.statusCode());
            String playlist = text(rendition);
            assertTrue(playlist.contains("#EXT-X-PLAYLIST-TYPE:VOD"), playlist);
            assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
            assertTrue(playlist.contains("#EXT-X-PROGRAM-DATE-TIME:"), playlist);
            MediaPlaylist parsed = MediaPlaylist.parse(playlist);
            HttpResponse<byte[]> segment = f.media("GET", f.base() + "/rec/1/" + parsed.entries().get(0).uri());
            assertEquals(200, segment.statusCode());
            assertEquals("video/mp2t", segment.headers().firstValue("Content-Type").orElse(""));
        }

        HttpResponse<byte[]> whole = f.media("GET", mp4);
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(whole.body().length, whole.headers().firstValueAsLong("Content-Length").orElse(-1));
        String cache = whole.headers().firstValue("Cache-Control").orElse("");
        long maxAgeS = Long.parseLong(cache.replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(cache.startsWith("public") && maxAgeS <= clip.get("expiration").asLong() - f.nowS(),
                "cacheable no longer than the clip lives: " + cache);
        Path downloaded = dir.resolveSibling(dir.getFileName() + "-clip.mp4");
        Files.write(downloaded, whole.body());
        try {
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(downloaded));
        } finally {
            Files.deleteIfExists(downloaded);
        }

        HttpResponse<byte[]> part = f.media("GET", mp4, "Range", "bytes=100-1099");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-1099/" + whole.body().length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole.body(), 100, 1100), part.body());
        HttpResponse<byte[]> beyond = f.media("GET", mp4, "Range", "bytes=" + whole.body().length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.body().length, beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> head = f.media("HEAD", mp4);
        assertEquals(200, head.statusCode());
        assertEquals(whole.body().length, head.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals(0, head.body().length);

        // Asked again, it is answered from what the engine said the first time, without routing: the same answer.
        HttpResponse<byte[]> again = f.media("GET", mp4);
        assertArrayEquals(whole.body(), again.body());
        for (String header : List.of("Content-Type", "Accept-Ranges", "Access-Control-Allow-Origin",
                "Access-Control-Expose-Headers", "X-Content-Type-Options")) {
            assertEquals(whole.headers().firstValue(header), again.headers().firstValue(header), header);
        }
        String cacheAgain = again.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheAgain.startsWith("public, max-age=") && Long.parseLong(cacheAgain.replaceAll(".*max-age=(\\d+).*",
                "$1")) <= clip.get("expiration").asLong() - f.nowS(), cacheAgain);

        JsonNode listed = f.json(f.api("GET", "/streaming/streams/1/clip_recording", null));
        assertTrue(listed.findValuesAsText("id").contains(id));
    }

    @Test
    @Order(2)
    void clip_afterExpiration_is404AndLeavesTheList_whileItsPermanentVideoStays() {
        long startS = f.window().startMs() / 1000 + 1;
        HttpResponse<String> created = f.api("POST", "/streaming/streams/1/clip_recording",
                "{\"start\": " + startS + ", \"duration\": 2, \"expiration\": " + (f.nowS() + 60)
                        + ", \"vod_required\": true, \"name\": \"Keeper\"}");
        assertEquals(200, created.statusCode(), created.body());
        vodClip = f.json(created);
        assertTrue(vodClip.get("video_id").isIntegralNumber(), "video_id given at once: " + vodClip);
        long videoId = vodClip.get("video_id").asLong();
        String videoPath = "/streaming/videos/" + videoId;
        ServerFixture.await("video ready", () -> "ready".equals(f.json(f.api("GET", videoPath, null))
                .get("status").asText()));
        JsonNode video = f.json(f.api("GET", videoPath, null));
        assertEquals("Keeper", video.get("name").asText());
        assertEquals(2000, video.get("duration").asLong(), ServerFixture.SEGMENT_MS, "duration in ms");
        assertEquals(vodClip.get("id").asText(), video.get("clip_id").asText());
        String videoMp4 = video.get("converted_videos").get(video.get("converted_videos").size() - 1)
                .get("mp4_url").asText();
        assertEquals(200, f.media("GET", videoMp4).statusCode());
        assertEquals(200, f.media("GET", video.get("hls_url").asText()).statusCode());

        String clipMp4 = vodClip.get("mp4_master").asText();
        assertEquals(200, f.media("GET", clipMp4).statusCode());
        f.clock.set(Instant.ofEpochSecond(vodClip.get("expiration").asLong()));
        HttpResponse<byte[]> gone = f.media("GET", clipMp4);
        assertEquals(404, gone.statusCode());
        assertTrue(text(gone).contains("\"error\""));
        JsonNode listed = f.json(f.api("GET", "/streaming/streams/1/clip_recording", null));
        assertFalse(listed.findValuesAsText("id").contains(vodClip.get("id").asText()), "expired clip left the list");
        Path folder = f.engine.layout().clipDir(vodClip.get("id").asText());
        ServerFixture.await("the expiry sweep to delete the clip's files", () -> !Files.exists(folder));
        assertEquals(404, f.api("GET", "/streaming/streams/1/clip_recording/" + vodClip.get("id").asText(), null)
                .statusCode());

        assertEquals("ready", f.json(f.api("GET", videoPath, null)).get("status").asText());
        assertEquals(200, f.media("GET", videoMp4).statusCode(), "the permanent video outlives its clip");
        List<Long> listedVideos = new java.util.ArrayList<>();
        f.json(f.api("GET", "/streaming/videos", null)).forEach(v -> listedVideos.add(v.get("id").asLong()));
        assertTrue(listedVideos.contains(videoId), "listed: " + listedVideos);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
