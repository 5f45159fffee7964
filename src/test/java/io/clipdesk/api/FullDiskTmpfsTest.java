package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.DiskSpace;
import io.clipdesk.engine.stream.SourceHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real full disk: the data dir on a small tmpfs, filled by the test signal's own ingest and then by a ballast file.
 * Needs root to mount (CI runs as root); skipped with a message otherwise. Prints what it measured.
 */
class FullDiskTmpfsTest {

    private static final long MB = 1L << 20;
    private static final int DISK_MB = 16;
    private static final long RESERVE = 4 * MB;
    private static Path mount;

    @BeforeAll
    static void mountTmpfs() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: mounting a small tmpfs for a real full disk needs root (CI runs as root)");
        mount = Files.createTempDirectory("clipdesk-full-disk");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + DISK_MB + "m", "tmpfs",
                mount.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!mounted) {
            Files.deleteIfExists(mount);
        }
        Assumptions.assumeTrue(mounted, "skipped: cannot mount a tmpfs here (" + out + ")");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount != null && Files.isDirectory(mount)) {
            Process p = new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start();
            p.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void fullDisk_dvrKeepsTheNewestInsideItsBudget_refusesCreates_andIngestResumesWithoutARestart() throws Exception {
        Path data = mount.resolve("data");
        Files.createDirectories(data);
        DiskSpace disk = DiskSpace.of(data);
        try (ServerFixture f = new ServerFixture(data, new DiskReserve(RESERVE, 100), disk)) {
            // 1. The DVR grows into its budget: the oldest media goes, the newest stays, the reserve stays free.
            // Produced until the budget bites: how many seconds fill the disk depends on the signal's bitrate.
            int producedS = 0;
            Segment oldest;
            do {
                f.produce(Duration.ofSeconds(10));
                producedS += 10;
                f.engine.sweepNow();
                oldest = f.engine.streams().segments(1, 0, Long.MAX_VALUE).get(0);
            } while (oldest.sequence() == 0 && producedS < 600);
            long keptS = f.window().lengthMs() / 1000;
            assertTrue(oldest.sequence() > 0, "the budget dropped nothing");
            assertEquals(f.clock.millis(), f.window().endMs(), "the newest media stays");
            assertTrue(disk.read().usableBytes() >= RESERVE, "free " + disk.read().usableBytes());
            assertEquals("ok", f.json(health(f)).get("status").asText(), health(f).body());
            System.out.printf("full-disk: budget kept %d s of %d s produced; dropped %d segments (%d s); %.1f MB free%n",
                    keptS, producedS, oldest.sequence(), oldest.sequence() * ServerFixture.SEGMENT_MS / 1000,
                    disk.read().usableBytes() / (double) MB);

            // 2. Something else fills the disk; the DVR gives back all but its newest media, then nothing is left.
            Path ballast = mount.resolve("ballast");
            long fullAtNs = System.nanoTime();
            fill(ballast);
            f.engine.sweepNow();
            ServerFixture.await("the DVR cut to its newest segment",
                    () -> f.engine.streams().state(1).segmentCount() == 1);
            fill(ballast);
            long lastEndMs = f.window().endMs();
            for (int s = 0; s < 4; s++) {
                f.clock.advance(Duration.ofMillis(ServerFixture.SEGMENT_MS));
                if (s == 0) {
                    ServerFixture.await("disk full health", () -> f.engine.streams().state(1).health()
                            == SourceHealth.DISK_FULL);
                    fill(ballast); // the lost segment's half-written files gave a little back
                }
            }
            long detectedMs = (System.nanoTime() - fullAtNs) / 1_000_000;
            JsonNode health = f.json(health(f));
            assertEquals("degraded", health.get("status").asText(), health.toString());
            assertTrue(health.get("problems").toString().contains("disk is full"), health.toString());
            assertEquals("disk_full", f.json(f.api("GET", "/streaming/streams/1", null)).get("health").asText());
            HttpResponse<String> clip = f.api("PUT", "/streaming/streams/1/clip_recording", "{\"duration\":3}");
            assertEquals(507, clip.statusCode(), clip.body());
            assertEquals("[]", f.api("GET", "/streaming/streams/1/clip_recording", null).body());
            HttpResponse<String> clips = f.api("GET", "/streaming/videos", null);
            DiskFullApiTest.assertNoPath(health + clip.body() + clips.body());

            // 3. Space returns: ingest resumes by itself.
            Files.delete(ballast);
            long freedAtNs = System.nanoTime();
            f.clock.advance(Duration.ofMillis(ServerFixture.SEGMENT_MS));
            ServerFixture.await("ingest to resume", () -> f.window().endMs() > lastEndMs);
            long resumedMs = (System.nanoTime() - freedAtNs) / 1_000_000;
            ServerFixture.await("live again", () -> f.engine.streams().state(1).health() == SourceHealth.LIVE);
            List<Segment> after = f.engine.streams().segments(1, lastEndMs, Long.MAX_VALUE);
            long gapMs = after.get(0).startMs() - lastEndMs;
            assertTrue(after.get(0).discontinuity(), "the hole is marked for players");
            f.engine.sweepNow();
            assertEquals("ok", f.json(health(f)).get("status").asText(), health(f).body());
            System.out.printf("full-disk: disk-full noticed %d ms after the fill; %d s of media lost while full; "
                    + "first segment stored %d ms after space returned%n", detectedMs, gapMs / 1000, resumedMs);
        }
    }

    private static HttpResponse<String> health(ServerFixture f) {
        return f.send(f.request("/health"), "GET", null);
    }

    /** Appends to {@code file} until the disk says no more. */
    private static void fill(Path file) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            assertFalse(e.getMessage() == null, "the disk filled");
        }
    }
}
