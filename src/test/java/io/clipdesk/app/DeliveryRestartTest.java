package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryStatus;
import io.clipdesk.store.Database;
import io.clipdesk.store.SqliteDeliveryRepository;
import io.clipdesk.testing.ClipReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 while a clip is being sent; the next start reports the interrupted attempt and sends it again. */
class DeliveryRestartTest {

    @TempDir
    Path dir;

    @Test
    void killDuringASend_isReportedAfterTheRestart_andTheClipSentAgain() throws Exception {
        try (ClipReceiver cms = new ClipReceiver(n -> n == 1 ? ClipReceiver.Answer.HOLD
                : ClipReceiver.Answer.of(201, "stored"))) {
            String[] ids = killChildDuringTheSend(cms);
            String clipId = ids[0];
            long deliveryId = Long.parseLong(ids[1]);
            try (Database db = Database.open(dir.resolve("clipdesk.db"))) {
                Delivery cut = new SqliteDeliveryRepository(db).find(deliveryId).orElseThrow();
                assertEquals(DeliveryStatus.SENDING, cut.status(), "killed in the middle of attempt 1");
                assertEquals(1, cut.attempts());
            }

            try (ClipEngine engine = Engines.open(dir, Clock.systemUTC(), EngineFixture.SEGMENT_MS)) {
                EngineFixture.await("the interrupted send to finish", () ->
                        engine.deliveries().ofClip(clipId).get(0).status().finished());
                Delivery receipt = engine.deliveries().ofClip(clipId).get(0);

                assertEquals(DeliveryStatus.SENT, receipt.status(), receipt.answer());
                assertEquals(1, receipt.interruptions(), "the receipt says a stop cut an attempt short");
                assertEquals(2, receipt.attempts());
                assertEquals("HTTP 201: stored", receipt.answer());
                assertEquals("Goal", receipt.origin());
            }
            List<ClipReceiver.Received> accepted = cms.received().stream()
                    .filter(r -> r.answeredStatus() == 201).toList();
            assertEquals(1, accepted.size(), "taken once");
            assertNotNull(accepted.get(0).idempotencyKey());
            assertTrue(cms.received().stream().allMatch(r -> r.idempotencyKey().equals(
                    accepted.get(0).idempotencyKey())), "the repeat carries the first attempt's key");
        }
    }

    private String[] killChildDuringTheSend(ClipReceiver cms) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                DeliveryChild.class.getName(), dir.toString(), cms.url())
                .redirectError(dir.resolveSibling(dir.getFileName() + "-child.log").toFile())
                .start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
            assertNotNull(line, "the child printed its delivery");
            assertTrue(cms.awaitBodyArriving(120), "the child's upload reached the receiver");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        return line.split(" ");
    }
}
