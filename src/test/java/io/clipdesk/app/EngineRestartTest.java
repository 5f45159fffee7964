package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.VideoStatus;
import io.clipdesk.store.Database;
import io.clipdesk.store.SqliteClipRepository;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 in the middle of work, start again on the same data dir: nothing created is lost, nothing is left over. */
class EngineRestartTest {

    @TempDir
    Path dir;

    @Test
    void restart_afterKill9_keepsEveryClipAndResumesTheRecordingOne() throws Exception {
        Map<String, String> ids = runChildUntilKilled();
        Clip doneBefore;
        Clip recordingBefore;
        try (Database db = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteClipRepository clips = new SqliteClipRepository(db);
            doneBefore = clips.find(ids.get("DONE")).orElseThrow();
            recordingBefore = clips.find(ids.get("RECORDING")).orElseThrow();
        }
        assertEquals(ClipStatus.RECORDING, recordingBefore.status(), "killed while the second clip recorded");

        try (ClipEngine engine = Engines.open(dir, Clock.systemUTC(), EngineFixture.SEGMENT_MS)) {
            assertEquals(doneBefore, engine.clips().get(doneBefore.id()), "same id, times and state");
            assertEquals(VideoStatus.READY, engine.videos().get(doneBefore.videoId()).status());
            MediaContent mp4 = engine.media().clip(1, MediaPaths.clipMasterMp4(doneBefore.id()));
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(((MediaContent.FileContent) mp4).path()));

            EngineFixture.await("the interrupted clip to resume", () ->
                    engine.clips().get(recordingBefore.id()).status() == ClipStatus.READY);
            Clip resumed = engine.clips().get(recordingBefore.id());
            assertEquals(recordingBefore.startS(), resumed.startS());
            assertEquals(recordingBefore.expirationS(), resumed.expirationS());
            assertEquals(recordingBefore.exactRange(), resumed.exactRange());
            assertTrue(resumed.exactRange().isPresent(), "the interrupted clip was cut to ms marks");
            // A loaded machine's test signal skips ahead (a DVR gap) and a restart leaves one: where the DVR holds
            // no media at a mark, the clip starts or ends at the media nearest inside the marks.
            long fromMs = resumed.exactRange().get().fromMs();
            long toMs = resumed.exactRange().get().toMs();
            List<Segment> inside = engine.streams().segments(1, fromMs, toMs);
            assertEquals(Math.max(fromMs, inside.get(0).startMs()), resumed.cutStartMs(), "resumed at the in mark");
            assertEquals(Math.min(toMs, inside.get(inside.size() - 1).endMs()), resumed.cutEndMs(),
                    "resumed up to the out mark");
            MediaContent resumedMp4 = engine.media().clip(1, MediaPaths.clipMasterMp4(resumed.id()));
            // The restart leaves a gap in the DVR inside the range, so the MP4 is shorter than the marks by it.
            double mp4S = Ffprobe.durationS(((MediaContent.FileContent) resumedMp4).path());
            double exactS = EngineChild.RECORDING_S - 1.24;
            assertTrue(mp4S <= exactS + 0.04, "at most the exact range's " + exactS + " s, not the "
                    + EngineChild.RECORDING_S + " s asked in seconds: " + mp4S);
            assertNoOrphans(engine);
        }
    }

    private Map<String, String> runChildUntilKilled() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                EngineChild.class.getName(), dir.toString())
                .redirectError(dir.resolveSibling(dir.getFileName() + "-child.log").toFile())
                .start();
        Map<String, String> ids = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; ids.size() < 2 && (line = out.readLine()) != null; ) {
                String[] parts = line.split(" ");
                ids.put(parts[0], parts[1]);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, ids.size(), "child printed its clips before being killed");
        return ids;
    }

    private static void assertNoOrphans(ClipEngine engine) throws Exception {
        try (Stream<Path> files = Files.walk(engine.layout().root())) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps, "no half-written files");
        }
        // Ingest goes on in real time while we look: the files are counted between two reads of the rows, and the
        // segment being handed over may have its file and not yet its row.
        int rowsBefore = engine.streams().segments(1, Long.MIN_VALUE, Long.MAX_VALUE).size();
        long onDisk;
        try (Stream<Path> files = Files.list(engine.layout().dvrDir(1).resolve("media_2_720"))) {
            onDisk = files.count();
        }
        int rowsAfter = engine.streams().segments(1, Long.MIN_VALUE, Long.MAX_VALUE).size();
        assertTrue(onDisk >= rowsBefore - 1 && onDisk <= rowsAfter + 1,
                onDisk + " files for " + rowsBefore + " rows before and " + rowsAfter + " after");
        try (Stream<Path> clipDirs = Files.list(engine.layout().clipsDir())) {
            for (Path clipDir : clipDirs.toList()) {
                engine.clips().get(clipDir.getFileName().toString());
            }
        }
    }
}
