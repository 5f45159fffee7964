package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.DiskSpace;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.stream.SourceHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk budget and a full disk through the {@link DiskSpace} port, on a real engine and server: the data dir's
 * file system is faked as a disk of a chosen capacity holding what the data dir holds, so dropping DVR media gives
 * space back as on a real disk. Runs everywhere; {@code FullDiskTmpfsTest} does the same on a real full disk.
 */
class DiskFullApiTest {

    private static final long MB = 1L << 20;
    private static final long RESERVE = 4 * MB;

    @TempDir
    Path dir;
    private final AtomicLong capacity = new AtomicLong(Long.MAX_VALUE / 2);
    private ServerFixture f;

    @BeforeEach
    void start() throws IOException {
        DiskSpace disk = () -> {
            long total = capacity.get();
            return new DiskSpace.Reading(Math.max(0, total - DurableFiles.sizeOf(dir)), total);
        };
        f = new ServerFixture(dir, new DiskReserve(RESERVE, 100), disk);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Leaves {@code freeBytes} free on the fake disk as it holds now. */
    private void leaveFree(long freeBytes) {
        capacity.set(DurableFiles.sizeOf(dir) + freeBytes);
    }

    private long free() {
        return capacity.get() - DurableFiles.sizeOf(dir);
    }

    @Test
    void dvrOverItsDiskBudget_dropsItsOldestSegments_andKeepsTheNewest() {
        f.produce(Duration.ofSeconds(12));
        long before = f.engine.streams().state(ServerFixture.STREAM).segmentCount();
        long oldestBefore = f.window().startMs();
        long newestBefore = f.window().endMs();
        long perSegment = f.engine.streams().state(ServerFixture.STREAM).dvrBytes() / before;
        long target = RESERVE + 10 * io.clipdesk.engine.storage.DiskBudget.bytesPerSecond(
                f.engine.streams().get(ServerFixture.STREAM).renditions());

        leaveFree(target - 4 * perSegment);
        f.engine.sweepNow();

        long after = f.engine.streams().state(ServerFixture.STREAM).segmentCount();
        assertTrue(before - after >= 3 && before - after <= 6, "dropped " + (before - after) + " of " + before);
        assertEquals(newestBefore, f.window().endMs(), "the newest media stays");
        assertTrue(f.window().startMs() > oldestBefore, "the oldest media went");
        assertTrue(free() >= RESERVE, "free " + free());
        assertEquals("ok", f.json(health()).get("status").asText(), "a DVR inside its budget is no problem");
    }

    @Test
    void diskBelowItsReserve_refusesCreatesWith507_beforeWritingAnything_andHealthIsDegraded() throws IOException {
        f.produce(Duration.ofSeconds(4));
        leaveFree(RESERVE / 2);
        f.engine.sweepNow();

        JsonNode health = f.json(health());
        assertEquals("degraded", health.get("status").asText());
        assertEquals(1, health.get("streams").asInt());
        assertTrue(health.get("disk_free_bytes").asLong() < RESERVE);
        assertTrue(health.get("problems").get(0).asText().startsWith("The data folder's disk is full"),
                health.toString());
        assertEquals(1, f.engine.streams().state(ServerFixture.STREAM).segmentCount(),
                "the DVR is cut to its newest segment");

        HttpResponse<String> clip = f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"duration\":3,\"vod_required\":true}");
        assertEquals(507, clip.statusCode(), clip.body());
        assertTrue(f.json(clip).get("error").asText().startsWith("Not enough disk space for a 3 s clip"), clip.body());
        assertEquals("[]", f.api("GET", "/streaming/streams/1/clip_recording", null).body(), "no clip row");
        assertEquals("[]", f.api("GET", "/streaming/videos", null).body(), "no reserved video");
        assertFalse(Files.exists(f.engine.layout().clipsDir()) && Files.list(f.engine.layout().clipsDir())
                .findAny().isPresent(), "no clip folder");

        HttpResponse<String> stream = f.api("POST", "/streaming/streams", "{\"name\":\"Second\"}");
        assertEquals(507, stream.statusCode(), stream.body());
        assertEquals(1, f.engine.streams().list().size());
        assertNoPath(health.toString() + clip.body() + stream.body());
    }

    @Test
    void diskFullWhileIngesting_saysDiskFull_andRecordingResumesByItselfWhenSpaceReturns() throws IOException {
        f.produce(Duration.ofSeconds(3));
        Path incoming = f.engine.layout().incomingDir(ServerFixture.STREAM);
        // A write that fails as on a full disk: the segment's temp file cannot be created.
        DurableFiles.deleteTree(incoming);
        Files.createFile(incoming);
        leaveFree(RESERVE / 4);
        long stuckAtMs = f.window().endMs();

        f.clock.advance(Duration.ofSeconds(2));
        ServerFixture.await("disk full health", () -> f.engine.streams().state(ServerFixture.STREAM).health()
                == SourceHealth.DISK_FULL);
        f.engine.sweepNow();
        JsonNode stream = f.json(f.api("GET", "/streaming/streams/1", null));
        assertEquals("disk_full", stream.get("health").asText());
        assertFalse(stream.get("live").asBoolean());
        assertTrue(f.engine.streams().state(ServerFixture.STREAM).healthDetail().startsWith("disk full"));
        JsonNode health = f.json(health());
        assertEquals("degraded", health.get("status").asText());
        assertTrue(health.get("problems").toString().contains("Stream 1: not recording, the data folder's disk is full"),
                health.toString());
        assertEquals(stuckAtMs, f.window().endMs(), "nothing recorded while full");
        assertNoPath(health.toString());

        Files.delete(incoming);
        Files.createDirectories(incoming);
        leaveFree(1024 * MB);
        f.produce(Duration.ofSeconds(2));

        assertEquals(SourceHealth.LIVE, f.engine.streams().state(ServerFixture.STREAM).health());
        assertTrue(f.window().endMs() > stuckAtMs, "recording resumed without a restart");
        assertEquals("ok", f.json(health()).get("status").asText());
    }

    @Test
    void clipThatCannotBeWritten_failsWithASentence_andItsVideoToo_withoutAPath() throws IOException {
        f.produce(Duration.ofSeconds(2));
        JsonNode clip = f.json(f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"duration\":2,\"start\":" + (f.nowS() + 1) + ",\"vod_required\":true}"));
        String id = clip.get("id").asText();
        // The clip's folder cannot be made: a file stands where it goes.
        Files.createDirectories(f.engine.layout().clipsDir());
        Files.writeString(f.engine.layout().clipDir(id), "in the way");

        f.produce(Duration.ofSeconds(4));
        ServerFixture.await("the clip to fail", () -> "failed".equals(f.json(f.api("GET",
                "/streaming/streams/1/clip_recording/" + id, null)).get("status").asText()));

        String clipError = f.json(f.api("GET", "/streaming/streams/1/clip_recording/" + id, null)).get("error")
                .asText();
        // The engine marks the clip failed, then its video: a look between the two finds the video still pending.
        String videoPath = "/streaming/videos/" + clip.get("video_id").asLong();
        ServerFixture.await("its video to fail", () -> "error".equals(f.json(f.api("GET", videoPath, null))
                .get("status").asText()));
        String videoError = f.json(f.api("GET", videoPath, null)).get("error").asText();
        assertTrue(clipError.startsWith("copying from the DVR failed: "), clipError);
        assertTrue(videoError.startsWith("the clip it was made from failed: "), videoError);
        assertNoPath(clipError + videoError);
    }

    private HttpResponse<String> health() {
        return f.send(f.request("/health"), "GET", null);
    }

    /** No file path of the data dir (or any absolute path) in text meant for clients. */
    static void assertNoPath(String text) {
        assertFalse(text.matches("(?s).*(/[\\w.-]+){2,}.*") && !text.matches("(?s).*https?://.*"), text);
        assertFalse(text.contains("/clips/") || text.contains("/dvr/") || text.contains("/tmp") || text.contains(".ts"),
                text);
    }
}
