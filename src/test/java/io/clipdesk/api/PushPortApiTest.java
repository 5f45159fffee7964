package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push stream's port is its own: never the API server's, never another push stream's, and a listener that cannot
 * have its port never keeps the API (or the other streams) from starting.
 */
class PushPortApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePortOfTheApi_orOfAnotherPushStream_is400_atCreateAndAtPatch(@TempDir Path dir) throws Exception {
        try (ServerFixture f = new ServerFixture(dir)) {
            int api = f.server.port();
            HttpResponse<String> onApi = f.api("POST", "/streaming/streams",
                    "{\"name\": \"Camera\", \"source\": {\"type\": \"rtmp\", \"port\": " + api + "}}");
            assertEquals(400, onApi.statusCode(), onApi.body());
            assertEquals("port " + api + " is the API server's port; pick another port or leave it out",
                    f.json(onApi).get("error").asText());
            HttpResponse<String> srtOnApi = f.api("POST", "/streaming/streams",
                    "{\"name\": \"Field\", \"source\": {\"type\": \"srt\", \"port\": " + api + "}}");
            assertEquals(400, srtOnApi.statusCode(), srtOnApi.body());

            int port = FfmpegCli.freeTcpPort();
            HttpResponse<String> rtmp = f.api("POST", "/streaming/streams",
                    "{\"name\": \"One\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}");
            assertEquals(201, rtmp.statusCode(), rtmp.body());
            long one = f.json(rtmp).get("id").asLong();
            HttpResponse<String> srtOnIt = f.api("POST", "/streaming/streams",
                    "{\"name\": \"Two\", \"source\": {\"type\": \"srt\", \"port\": " + port + "}}");
            assertEquals(400, srtOnIt.statusCode(), srtOnIt.body());
            assertEquals("port " + port + " already takes pushes for stream " + one
                    + " (One); pick another port or leave it out", f.json(srtOnIt).get("error").asText());

            HttpResponse<String> moved = f.api("PATCH", "/streaming/streams/" + one,
                    "{\"source\": {\"type\": \"rtmp\", \"port\": " + api + "}}");
            assertEquals(400, moved.statusCode(), moved.body());
            assertEquals("port " + api + " is the API server's port; pick another port or leave it out",
                    f.json(moved).get("error").asText());
            assertTrue(f.json(f.api("GET", "/streaming/streams/" + one, null)).get("push_url").asText()
                    .contains(":" + port + "/"), "the refused change left the stream as it was");
        }
    }

    @Test
    void aStoredStreamOnTheApisPort_staysOff_andTheServerAndTheOtherStreamsStartAfterARestart(@TempDir Path home)
            throws Exception {
        Path data = home.resolve("data");
        MutableClock clock = MutableClock.atWholeSecond();
        int apiLater = FfmpegCli.freeTcpPort();
        int other = FfmpegCli.freeTcpPort();
        long clashing;
        long running;
        try (HeadlessServer first = start(home, data, clock, 0)) {
            clashing = created(first, data, "{\"name\": \"Clashing\", \"source\": {\"type\": \"rtmp\", \"port\": "
                    + apiLater + "}}");
            running = created(first, data, "{\"name\": \"Other\", \"source\": {\"type\": \"rtmp\", \"port\": "
                    + other + "}}");
        }

        // The operator now serves the API on the port a stream was given.
        try (HeadlessServer second = start(home, data, clock, apiLater)) {
            assertEquals(apiLater, URI.create(second.baseUrl()).getPort());
            JsonNode off = stream(second, data, clashing);
            assertEquals("disconnected", off.get("health").asText());
            assertEquals("not listening for pushes: port " + apiLater + " is the API server's port; give this "
                    + "stream another port", off.get("health_detail").asText());
            LiveFeed.await("the other push stream to listen on its port", () -> listens(other));
            assertEquals("waiting for an encoder on RTMP port " + other,
                    stream(second, data, running).get("health_detail").asText());
            LiveFeed.produce(clock, second.engine(), 1, java.time.Duration.ofSeconds(3));
            LiveFeed.await("the test signal to be live",
                    () -> stream(second, data, 1).get("live").asBoolean());

            int moved = FfmpegCli.freeTcpPort();
            HttpResponse<String> patched = call(second, data, "PATCH", "/streaming/streams/" + clashing,
                    "{\"source\": {\"type\": \"rtmp\", \"port\": " + moved + "}}");
            assertEquals(200, patched.statusCode(), patched.body());
            LiveFeed.await("the moved stream to listen on its new port", () -> listens(moved));
        }
    }

    @Test
    void aPortAnotherProgramHolds_leavesThatStreamDisconnectedSayingWhy(@TempDir Path dir) throws Exception {
        try (ServerFixture f = new ServerFixture(dir);
             ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = squatter.getLocalPort();
            HttpResponse<String> created = f.api("POST", "/streaming/streams",
                    "{\"name\": \"Busy\", \"source\": {\"type\": \"rtmp\", \"port\": " + port + "}}");
            assertEquals(201, created.statusCode(), "a port busy now may be free later: " + created.body());
            String path = "/streaming/streams/" + f.json(created).get("id").asLong();
            ServerFixture.await("the stream to say its port is in use",
                    () -> f.json(f.api("GET", path, null)).path("health_detail").asText().contains("in use"));
            JsonNode busy = f.json(f.api("GET", path, null));
            assertEquals("disconnected", busy.get("health").asText());
            assertTrue(busy.get("health_detail").asText().contains("port " + port), busy.toString());
            assertEquals(200, f.api("GET", "/streaming/streams", null).statusCode(), "the server serves on");
        }
    }

    /** Whether a TCP socket listens on {@code port}, read from the kernel's table (a probe would disturb it). */
    private static boolean listens(int port) {
        String local = String.format(":%04X ", port);
        try {
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.strip().split("\\s+");
                    if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals("0A")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HeadlessServer start(Path home, Path data, MutableClock clock, int port) throws IOException {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--ingest-bind", "127.0.0.1"}, Map.of("CLIPDESK_DATA", data.toString()), home);
        return HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private long created(HeadlessServer server, Path data, String body) throws IOException {
        HttpResponse<String> response = call(server, data, "POST", "/streaming/streams", body);
        assertEquals(201, response.statusCode(), response.body());
        return json.readTree(response.body()).get("id").asLong();
    }

    private JsonNode stream(HeadlessServer server, Path data, long id) {
        try {
            return json.readTree(call(server, data, "GET", "/streaming/streams/" + id, null).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> call(HeadlessServer server, Path data, String method, String path,
                                             String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Authorization", "APIKey " + Files.readString(data.resolve("api-key")).strip())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
