package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.api.http.connection.ConnectionLimits;
import io.clipdesk.testing.FfmpegCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** (ext) GET /streaming/events on a real server on port 0 over a real engine: events, filter, resume, reset, auth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short read deadlines: an events connection must outlive them, a plain idle one must not. */
    private static final ConnectionLimits QUICK = new ConnectionLimits(500, 500, 300, 64);

    @TempDir
    static Path dir;
    ServerFixture f;

    @BeforeAll
    void start() throws IOException {
        f = new ServerFixture(dir, config -> config.withLimits(QUICK));
        f.produce(Duration.ofSeconds(6));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    /** One Server-Sent Event as received. */
    record Event(String id, String name, JsonNode data) {
    }

    /** An events connection read on its own thread into a queue the test polls. */
    final class Follow implements AutoCloseable {

        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<Stream<String>> response;

        Follow(String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = f.request("/streaming/events" + query)
                    .header("Authorization", "APIKey " + f.key.token());
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = f.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            CompletableFuture.runAsync(this::read);
        }

        private void read() {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        try {
                            events.add(new Event(id, name, JSON.readTree(data.toString())));
                        } catch (IOException e) {
                            throw new AssertionError("not JSON: " + data, e);
                        }
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        }

        /** Every event taken from the queue so far, the ones {@link #next} passed over included. */
        final List<Event> taken = new ArrayList<>();

        /**
         * The next event matching {@code wanted}, skipping others: ingest health changes come and go, and an earlier
         * test's clip may turn ready while this one follows (its cut is written on the engine's cut pool).
         */
        Event next(Predicate<Event> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull(event, "no matching event within " + WAIT);
                taken.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }

        Event next(String name) throws InterruptedException {
            return next(e -> e.name().equals(name));
        }

        /** The next event called {@code name} about the clip {@code clipId}. */
        Event next(String name, String clipId) throws InterruptedException {
            return next(e -> e.name().equals(name) && e.data().path("clip_id").asText().equals(clipId));
        }

        /** Every event received so far, the ones already taken first, without waiting. */
        List<Event> drained() {
            List<Event> all = new ArrayList<>(taken);
            events.drainTo(all);
            return all;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private String createClip(String createdBy) {
        long startS = f.window().startMs() / 1000 + 1;
        HttpResponse<String> created = f.api("PUT", "/streaming/streams/1/clip_recording", "{\"start\": " + startS
                + ", \"duration\": 2, \"created_by\": \"" + createdBy + "\"}");
        assertEquals(200, created.statusCode(), created.body());
        return f.json(created).get("id").asText();
    }

    @Test
    void aClipMadeByAScript_reachesAFollower_withItsObject_thenItsReadiness_andItsDeletion() throws Exception {
        try (Follow follow = new Follow("", null)) {
            assertEquals("text/event-stream; charset=utf-8",
                    follow.response.headers().firstValue("Content-Type").orElse(""));
            Event hello = follow.next("hello");
            assertTrue(hello.id().startsWith(hello.data().get("epoch").asText() + "-"), hello.toString());

            String clipId = createClip("Ana");
            Event created = follow.next("clip_created", clipId);
            assertEquals(created.id(), created.data().get("id").asText());
            assertEquals(1, created.data().get("stream_id").asLong());
            JsonNode clip = created.data().get("clip");
            assertEquals("Ana", clip.get("created_by").asText(), "the object in its Gcore JSON: no GET needed");
            assertTrue(clip.get("hls_master").asText().startsWith(f.base()), clip.toString());
            assertEquals(f.clock.millis(), java.time.Instant.parse(created.data().get("at").asText()).toEpochMilli());

            Event ready = follow.next("clip_ready", clipId);
            assertEquals("ready", ready.data().get("clip").get("status").asText());

            assertEquals(204, f.api("DELETE", "/streaming/streams/1/clip_recording/" + clipId, null).statusCode());
            Event deleted = follow.next("clip_deleted", clipId);
            assertFalse(deleted.data().has("clip"), "gone: no object");
            assertTrue(sequence(deleted.id()) > sequence(ready.id()) && sequence(ready.id()) > sequence(created.id()));
        }
    }

    @Test
    void aStreamFilter_letsOnlyThatStreamsChangesThrough() throws Exception {
        try (Follow all = new Follow("", null); Follow one = new Follow("?stream_id=1", null)) {
            all.next("hello");
            one.next("hello");
            HttpResponse<String> other = f.api("POST", "/streaming/streams", "{\"name\": \"Other\", \"source\": "
                    + "{\"type\": \"rtmp\", \"port\": " + FfmpegCli.freeTcpPort() + "}}");
            assertEquals(201, other.statusCode(), other.body());
            long otherId = f.json(other).get("id").asLong();
            Event created = all.next("stream_created");
            assertEquals(otherId, created.data().get("stream").get("id").asLong());
            assertEquals("Other", created.data().get("stream").get("name").asText());
            assertEquals(204, f.api("DELETE", "/streaming/streams/" + otherId, null).statusCode());
            all.next("stream_deleted");

            String clipId = createClip("Ben");
            one.next("clip_created", clipId);
            List<Event> heard = one.drained().stream().filter(e -> !e.name().equals("hello")).toList();
            assertTrue(heard.stream().allMatch(e -> e.data().get("stream_id").asLong() == 1),
                    "nothing of the other stream: " + heard);
            assertEquals(404, f.api("GET", "/streaming/events?stream_id=" + otherId, null).statusCode());
        }
    }

    @Test
    void aFollowerThatReconnects_withItsLastEventId_getsWhatItMissed_inOrder() throws Exception {
        String clipId;
        String lastSeen;
        try (Follow follow = new Follow("", null)) {
            follow.next("hello");
            clipId = createClip("Cy");
            follow.next("clip_created", clipId);
            // its readiness comes when the cut is written, which may be after the rename below: seen here, the
            // events it misses are exactly the rename and the deletion. Its own: an earlier test's clip may turn
            // ready meanwhile, and resuming from that one would replay this clip's readiness.
            lastSeen = follow.next("clip_ready", clipId).id();
        }
        HttpResponse<String> patched = f.api("PATCH", "/streaming/streams/1/clip_recording/" + clipId,
                "{\"name\": \"Missed rename\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(204, f.api("DELETE", "/streaming/streams/1/clip_recording/" + clipId, null).statusCode());

        try (Follow resumed = new Follow("", lastSeen)) {
            Event hello = resumed.next("hello");
            assertEquals(null, hello.id(), "a resuming follower keeps its own id until it has what it missed");
            List<String> missed = new ArrayList<>();
            while (!missed.contains("clip_deleted")) {
                Event event = resumed.next(e -> e.data().path("clip_id").asText().equals(clipId));
                missed.add(event.name());
            }
            assertEquals(List.of("clip_updated", "clip_deleted"), missed, "nothing it had seen is repeated");
        }
    }

    @Test
    void anIdFromBeforeARestart_orTooOld_isAReset_thatSaysWhereToFollowFrom() throws Exception {
        try (Follow follow = new Follow("", "zzzzzzzz-42")) {
            follow.next("hello");
            Event reset = follow.next("reset");
            String current = f.engine.changes().lastId();
            assertEquals(reset.id(), reset.data().get("last_event_id").asText());
            assertTrue(reset.id().startsWith(f.engine.changes().epoch() + "-"), reset.toString());
            assertTrue(sequence(reset.id()) <= sequence(current));
            assertTrue(reset.data().get("reason").asText().contains("load the lists again"), reset.toString());
        }
    }

    @Test
    void withoutTheKey_is401_likeEveryStreamingRoute() {
        HttpResponse<String> refused = f.send(f.request("/streaming/events"), "GET", null);
        assertEquals(401, refused.statusCode());
        HttpResponse<String> wrong = f.send(f.request("/streaming/events").header("Authorization", "APIKey nope"),
                "GET", null);
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void anEventsConnection_outlivesTheIdleDeadline_thatClosesAQuietKeepAliveConnection() throws Exception {
        try (Follow follow = new Follow("", null); Socket quiet = new Socket("127.0.0.1", f.server.port())) {
            follow.next("hello");
            OutputStream out = quiet.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            quiet.setSoTimeout((int) WAIT.toMillis());
            InputStream in = quiet.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // the answer, then the server closes the quiet connection after its idle deadline
            }
            String clipId = createClip("Dee");
            assertEquals(clipId, follow.next("clip_created").data().get("clip_id").asText(),
                    "the events connection is still open after the idle deadline passed");
        }
    }

    private static long sequence(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
