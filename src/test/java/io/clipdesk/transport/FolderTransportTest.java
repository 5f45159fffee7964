package io.clipdesk.transport;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.delivery.SendOutcome;
import io.clipdesk.engine.delivery.Shipment;
import io.clipdesk.testing.FfmpegCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch-folder transport, stopped in the middle of its copy to look at the folder as a watcher would. */
class FolderTransportTest {

    @TempDir
    Path dir;

    @Test
    void midCopy_theFolderShowsOnlyAHiddenTempFile_thenTheWholeMp4AndItsJson() throws Exception {
        Path mp4 = FfmpegCli.h264File(dir.resolve("clip.mp4"), 4);
        Path folder = Files.createDirectories(dir.resolve("watch"));
        Shipment shipment = new Shipment(clip(), mp4, Files.size(mp4), "clipdesk-abcdefghij12-1", "Goal_abcdefghij12");
        List<List<String>> seenMidCopy = new ArrayList<>();

        SendOutcome outcome = new FolderTransport().send(shipment, folder(folder), sent -> seenMidCopy.add(names(folder)));

        assertEquals(SendOutcome.Result.DELIVERED, outcome.result(), outcome.answer());
        assertFalse(seenMidCopy.isEmpty(), "the copy reported its progress");
        for (List<String> names : seenMidCopy) {
            assertEquals(List.of(".Goal_abcdefghij12.mp4.part"), names, "only the hidden temp file while copying");
        }
        assertEquals(List.of("Goal_abcdefghij12.json", "Goal_abcdefghij12.mp4"), names(folder));
        assertArrayEquals(Files.readAllBytes(mp4), Files.readAllBytes(folder.resolve("Goal_abcdefghij12.mp4")));
    }

    @Test
    void repeatedAttempt_replacesTheFirstAndItsLeftoverTempFile() throws Exception {
        Path mp4 = FfmpegCli.h264File(dir.resolve("clip.mp4"), 2);
        Path folder = Files.createDirectories(dir.resolve("watch"));
        Shipment shipment = new Shipment(clip(), mp4, Files.size(mp4), "k", "Goal_abcdefghij12");
        Files.writeString(folder.resolve(".Goal_abcdefghij12.mp4.part"), "half a file from a killed attempt");
        Files.writeString(folder.resolve("Goal_abcdefghij12.mp4"), "an older delivery");

        SendOutcome outcome = new FolderTransport().send(shipment, folder(folder), sent -> { });

        assertEquals(SendOutcome.Result.DELIVERED, outcome.result());
        assertEquals(List.of("Goal_abcdefghij12.json", "Goal_abcdefghij12.mp4"), names(folder));
        assertArrayEquals(Files.readAllBytes(mp4), Files.readAllBytes(folder.resolve("Goal_abcdefghij12.mp4")));
    }

    @Test
    void folderGone_isWorthAnotherAttempt() throws Exception {
        Path mp4 = FfmpegCli.h264File(dir.resolve("clip.mp4"), 1);
        Path share = dir.resolve("unmounted-share");
        Shipment shipment = new Shipment(clip(), mp4, Files.size(mp4), "k", "x");

        SendOutcome outcome = new FolderTransport().send(shipment, folder(share), sent -> { });

        assertEquals(SendOutcome.Result.RETRY, outcome.result());
        assertTrue(outcome.answer().contains(share + " is not there"), outcome.answer());
    }

    @Test
    void httpAnswers_deliveredRetriedOrRefused() {
        assertEquals(SendOutcome.delivered("HTTP 201: stored"), HttpTransport.judge(201, "stored\nid 7"));
        assertEquals(SendOutcome.Result.RETRY, HttpTransport.judge(503, "").result());
        assertEquals(SendOutcome.Result.RETRY, HttpTransport.judge(429, "slow down").result());
        assertEquals(SendOutcome.Result.RETRY, HttpTransport.judge(408, "").result());
        assertEquals(SendOutcome.refused("HTTP 413: too large"), HttpTransport.judge(413, "too large"));
        assertEquals(SendOutcome.refused("HTTP 401"), HttpTransport.judge(401, " "));
    }

    private static Destination folder(Path folder) {
        return new Destination(1, "Playout", DestinationKind.FOLDER, folder.toString(), "");
    }

    private static Clip clip() {
        return new Clip("abcdefghij12", 1, "Goal", 1_700_000_000L, 4, 1_700_003_600L, 1_700_000_000_000L, false, 0,
                List.of("media_2_720"), ClipStatus.READY, "", 0, 4000, ClipAccuracy.SEGMENT);
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
