package io.clipdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A headless server on loopback: push listeners listen there too, and file sources read only the media root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlessLanTest {

    final MutableClock clock = MutableClock.atWholeSecond();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();
    HeadlessServer server;
    String key;
    Path mediaRoot;
    Path outside;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        mediaRoot = Files.createDirectories(dir.resolve("media"));
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--bind", "127.0.0.1", "--port", "0",
                "--data-dir", dir.resolve("data").toString(), "--media-root", mediaRoot.toString()}, Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(new ByteArrayOutputStream()));
        key = Files.readString(dir.resolve("data").resolve("api-key")).strip();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void pushListeners_listenOnTheApisLoopbackAddress_andThePushUrlSaysSo() {
        int rtmpPort = FfmpegCli.freeTcpPort();
        JsonNode rtmp = created("{\"name\": \"Camera\", \"source\": {\"type\": \"rtmp\", \"port\": " + rtmpPort + "}}");
        assertTrue(rtmp.get("push_url").asText().startsWith("rtmp://127.0.0.1:" + rtmpPort + "/live/"),
                rtmp.toString());
        int srtPort = FfmpegCli.freeUdpPort();
        JsonNode srt = created("{\"name\": \"Field\", \"source\": {\"type\": \"srt\", \"port\": " + srtPort + "}}");
        assertEquals("srt://127.0.0.1:" + srtPort, srt.get("push_url").asText());

        LiveFeed.await("the RTMP listener to be bound", () -> boundAddress("tcp", rtmpPort).isPresent());
        LiveFeed.await("the SRT listener to be bound", () -> boundAddress("udp", srtPort).isPresent());
        assertEquals("127.0.0.1", boundAddress("tcp", rtmpPort).orElseThrow(), "RTMP listens on loopback only");
        assertEquals("127.0.0.1", boundAddress("udp", srtPort).orElseThrow(), "SRT listens on loopback only");
    }

    @Test
    void fileSource_outsideTheMediaRoot_isRefusedTheSame_whetherTheFileExistsOrNot() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not for you");
        Path link = Files.createSymbolicLink(mediaRoot.resolve("way-out"), outside);
        String existing = refused(secret.toString());
        assertEquals(existing, refused(outside.resolve("absent.mp4").toString()));
        assertEquals(existing, refused(mediaRoot.resolve("..").resolve("elsewhere").resolve("secret.txt").toString()));
        assertEquals(existing, refused(link.resolve("secret.txt").toString()), "a link does not lead out");
        assertEquals(existing, refused(link.resolve("absent.mp4").toString()));
        assertTrue(existing.contains("--media-root"), existing);
        assertTrue(!existing.contains(outside.toString()) && !existing.contains(mediaRoot.toString()), existing);
    }

    @Test
    void fileSource_insideTheMediaRoot_isJudgedOnItsOwn() throws IOException {
        assertTrue(refused(mediaRoot.resolve("absent.mp4").toString()).endsWith("does not exist"));
        Path notMedia = Files.writeString(mediaRoot.resolve("notes.mp4"), "plain text");
        assertTrue(refused(notMedia.toString()).contains("not a media file with video"), "reached FFmpeg's check");
    }

    private String refused(String path) {
        HttpResponse<String> response = call("POST", "/streaming/streams",
                "{\"name\": \"f\", \"source\": {\"type\": \"file\", \"path\": " + quoted(path) + "}}");
        assertEquals(400, response.statusCode(), response.body());
        return read(response).get("error").asText();
    }

    private JsonNode created(String body) {
        HttpResponse<String> response = call("POST", "/streaming/streams", body);
        assertEquals(201, response.statusCode(), response.body());
        return read(response);
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "APIKey " + key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IPv4 address a socket of this process's machine is bound to on {@code port}, from the kernel's table. */
    private static Optional<String> boundAddress(String protocol, int port) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/" + protocol));
            for (String line : lines.subList(1, lines.size())) {
                String local = line.trim().split("\\s+")[1];
                String state = line.trim().split("\\s+")[3];
                boolean listening = protocol.equals("udp") || state.equals("0A");
                if (listening && Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
                    long word = Long.parseLong(local.substring(0, local.indexOf(':')), 16);
                    return Optional.of((word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "."
                            + (word >> 24 & 0xff));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
