package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryStatus;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.testing.ClipReceiver;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending real clips of the engine's test signal to a watch folder and to an HTTP receiver (Netty, in the test). */
class DeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private EngineFixture f;

    @BeforeEach
    void start() {
        f = new EngineFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void folder_neverShowsAPartialFile_andEndsWithTheMp4AndItsJson() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("playout-in"));
        Destination playout = f.engine.deliveries().save(Destination.draft("Playout", DestinationKind.FOLDER,
                folder.toString(), ""));
        Clip clip = readyClip("Goal 1-0 (Mbappé)");
        byte[] mp4 = Files.readAllBytes(mp4Of(clip));

        // Looks at the folder as a watcher would, as often as it can, for as long as the send takes.
        Map<String, List<Long>> seenSizes = new ConcurrentHashMap<>();
        List<String> unreadableJson = new ArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path p : files.toList()) {
                        String name = p.getFileName().toString();
                        if (name.startsWith(".")) {
                            continue;
                        }
                        try {
                            seenSizes.computeIfAbsent(name, n -> new ArrayList<>()).add(Files.size(p));
                            if (name.endsWith(".json")) {
                                JSON.readTree(Files.readAllBytes(p));
                            }
                        } catch (IOException e) {
                            synchronized (unreadableJson) {
                                unreadableJson.add(name + ": " + e.getMessage());
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, "folder-watcher");
        watcher.start();
        Delivery asked = f.engine.deliveries().send(clip.id(), playout.id(), Delivery.BY_HAND);
        Delivery sent = awaitFinished(clip, asked.id());
        watching.set(false);
        watcher.join();

        assertEquals(DeliveryStatus.SENT, sent.status(), sent.answer());
        String stem = "Goal_1-0_Mbappe_" + clip.id();
        Path delivered = folder.resolve(stem + ".mp4");
        assertEquals("Written as " + stem + ".mp4", sent.answer());
        assertArrayEquals(mp4, Files.readAllBytes(delivered));
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(delivered));
        JsonNode meta = JSON.readTree(folder.resolve(stem + ".json").toFile());
        assertEquals(clip.id(), meta.get("id").asText());
        assertEquals("Goal 1-0 (Mbappé)", meta.get("name").asText());
        assertEquals("goal", meta.get("tags").get(0).asText());
        assertEquals(stem + ".mp4", meta.get("file").asText());
        assertEquals(mp4.length, meta.get("size_bytes").asLong());

        assertTrue(seenSizes.containsKey(stem + ".mp4"), "the watcher saw the MP4 arrive: " + seenSizes.keySet());
        for (long size : seenSizes.get(stem + ".mp4")) {
            assertEquals(mp4.length, size, "every look at the MP4 saw it whole");
        }
        assertEquals(List.of(), unreadableJson, "every look at the JSON read it whole");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(stem + ".json", stem + ".mp4"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
        assertEquals(1, sent.attempts());
        assertEquals(mp4.length, sent.bytesTotal());
        assertEquals(1.0, sent.progress());
    }

    @Test
    void http_receiverGetsTheMp4AndTheClipsJson_withTheBearerToken() throws Exception {
        try (ClipReceiver cms = ClipReceiver.always(201, "stored as asset 7781\nmore lines")) {
            Destination social = f.engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP,
                    cms.url(), "s3cret-token"));
            Clip clip = readyClip("Save by Donnarumma");

            Delivery sent = awaitFinished(clip, f.engine.deliveries().send(clip.id(), social.id(), "Save").id());

            assertEquals(DeliveryStatus.SENT, sent.status(), sent.answer());
            assertEquals("HTTP 201: stored as asset 7781", sent.answer(), "the receipt carries the server's answer");
            assertEquals("Save", sent.origin());
            ClipReceiver.Received got = cms.received().get(0);
            assertEquals(1, cms.received().size());
            assertEquals("Bearer s3cret-token", got.authorization());
            assertTrue(got.contentType().startsWith("multipart/form-data; boundary="), got.contentType());
            assertArrayEquals(Files.readAllBytes(mp4Of(clip)), got.parts().get("file"), "the MP4, byte for byte");
            assertEquals("Save_by_Donnarumma_" + clip.id() + ".mp4", got.fileNames().get("file"));
            JsonNode meta = JSON.readTree(got.text("metadata"));
            assertEquals(clip.id(), meta.get("id").asText());
            assertEquals("Save by Donnarumma", meta.get("name").asText());
            assertEquals(clip.startS(), meta.get("start").asLong());
            assertEquals(clip.durationS(), meta.get("duration").asInt());
            assertEquals(got.idempotencyKey(), meta.get("delivery_key").asText());
        }
    }

    @Test
    void http_receiverAnswering500Then200_getsTheClipOnce_afterTheBackOff() throws Exception {
        try (ClipReceiver cms = new ClipReceiver(n -> n == 1 ? ClipReceiver.Answer.of(500, "busy, try later")
                : ClipReceiver.Answer.of(200, "ok"))) {
            Destination social = f.engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP,
                    cms.url(), ""));
            Clip clip = readyClip("Card");
            long id = f.engine.deliveries().send(clip.id(), social.id(), Delivery.BY_HAND).id();

            Delivery retrying = await(clip, id, d -> d.status() == DeliveryStatus.RETRYING);
            assertEquals("HTTP 500: busy, try later", retrying.answer());
            assertEquals(retrying.updatedAtMs() + 2000, retrying.nextAttemptAtMs(), "first back-off: 2 s");
            f.engine.deliveries().tick();
            assertEquals(DeliveryStatus.RETRYING, delivery(clip, id).status(), "not before the back-off ran out");
            assertEquals(1, cms.requests());

            f.clock.advance(Duration.ofSeconds(2));
            f.engine.deliveries().tick();
            Delivery sent = awaitFinished(clip, id);

            assertEquals(DeliveryStatus.SENT, sent.status(), sent.answer());
            assertEquals(2, sent.attempts());
            assertEquals("HTTP 200: ok", sent.answer());
            List<ClipReceiver.Received> got = cms.received();
            assertEquals(List.of(500, 200), got.stream().map(ClipReceiver.Received::answeredStatus).toList());
            assertEquals(got.get(0).idempotencyKey(), got.get(1).idempotencyKey(), "a repeat says it is one");
            f.clock.advance(Duration.ofMinutes(5));
            f.engine.deliveries().tick();
            assertEquals(2, cms.requests(), "nothing is sent again once it was taken");
        }
    }

    @Test
    void http_receiverRefusingTheToken_failsAtOnceWithItsAnswer() throws Exception {
        try (ClipReceiver cms = ClipReceiver.always(401, "invalid token")) {
            Destination social = f.engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP,
                    cms.url(), "wrong"));
            Clip clip = readyClip("Quote");

            Delivery failed = awaitFinished(clip, f.engine.deliveries().send(clip.id(), social.id(), "").id());

            assertEquals(DeliveryStatus.FAILED, failed.status());
            assertEquals("HTTP 401: invalid token", failed.answer());
            assertEquals(1, cms.requests(), "a refusal is not retried");
        }
    }

    @Test
    void sendAskedWhileTheClipRecords_waitsForItThenSends() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cms"));
        Destination cms = f.engine.deliveries().save(Destination.draft("CMS", DestinationKind.FOLDER,
                folder.toString(), ""));
        long nowS = f.clock.millis() / 1000;
        Clip clip = f.engine.clips().create(ClipRequest.of(EngineFixture.STREAM, nowS - 1, 3));

        Delivery asked = f.engine.deliveries().send(clip.id(), cms.id(), "Goal");
        f.engine.deliveries().tick();
        assertEquals(DeliveryStatus.WAITING, delivery(clip, asked.id()).status(), "the clip is still recording");
        assertEquals(asked.id(), f.engine.deliveries().send(clip.id(), cms.id(), "").id(),
                "asking again while it waits does not send twice");

        f.produce(Duration.ofSeconds(4));
        f.awaitStatus(clip.id(), ClipStatus.READY);
        Delivery sent = awaitFinished(clip, asked.id());
        assertEquals(DeliveryStatus.SENT, sent.status(), sent.answer());
        assertEquals(1, f.engine.deliveries().ofClip(clip.id()).size());
    }

    @Test
    void autoSendRule_sendsEveryClipWithTheTag_andNoOther() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("social"));
        Destination social = f.engine.deliveries().save(Destination.draft("Social", DestinationKind.FOLDER,
                folder.toString(), ""));
        f.engine.deliveries().autoSend("Goal", social.id());
        assertEquals(List.of(new io.clipdesk.engine.delivery.AutoSend("Goal", social.id())),
                f.engine.deliveries().autoSends());

        Clip goal = readyClip("goal by Musiala");
        Clip card = readyClip("Card for Rice");
        Delivery sent = await(goal, 0, d -> d.status() == DeliveryStatus.SENT);

        assertEquals("Goal", sent.origin(), "the receipt names the rule");
        assertEquals(List.of(), f.engine.deliveries().ofClip(card.id()), "a clip without the tag stays");
        f.engine.deliveries().remove(social.id());
        assertEquals(List.of(), f.engine.deliveries().autoSends(), "a removed destination takes its rules along");
    }

    private Clip readyClip(String name) {
        long startS = f.window().startMs() / 1000 + 1;
        Clip clip = f.engine.clips().create(ClipRequest.of(EngineFixture.STREAM, startS, 2).withName(name)
                .withDescription(ClipDescription.EMPTY.withTags(List.of(name.split(" ")[0].toLowerCase()))));
        return f.awaitStatus(clip.id(), ClipStatus.READY);
    }

    private Path mp4Of(Clip clip) {
        return ((MediaContent.FileContent) f.engine.media().clip(clip.streamId(),
                MediaPaths.clipMasterMp4(clip.id()))).path();
    }

    /** The clip's delivery {@code id}, or with id 0 its only one. */
    private Delivery delivery(Clip clip, long id) {
        return f.engine.deliveries().ofClip(clip.id()).stream().filter(d -> id == 0 || d.id() == id).findFirst()
                .orElse(null);
    }

    private Delivery await(Clip clip, long id, java.util.function.Predicate<Delivery> condition) {
        EngineFixture.await("delivery " + id, () -> delivery(clip, id) != null && condition.test(delivery(clip, id)));
        return delivery(clip, id);
    }

    private Delivery awaitFinished(Clip clip, long id) {
        return await(clip, id, d -> d.status().finished());
    }

    @Test
    void destinationRules_areSaidInTheEditorsWords() {
        Path missing = dir.resolve("not-there");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.clipdesk.engine.InvalidRequestException.class,
                () -> f.engine.deliveries().save(Destination.draft("Playout", DestinationKind.FOLDER,
                        missing.toString(), "")));
        assertEquals("The folder " + missing + " does not exist; create it first or choose another.", e.getMessage());
        f.engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP, "https://cms.example/in", ""));
        var twice = org.junit.jupiter.api.Assertions.assertThrows(io.clipdesk.engine.InvalidRequestException.class,
                () -> f.engine.deliveries().save(Destination.draft("social", DestinationKind.HTTP,
                        "https://other.example/in", "")));
        assertFalse(twice.getMessage().isEmpty());
        assertTrue(twice.getMessage().contains("already a destination called \"Social\""), twice.getMessage());
    }
}
