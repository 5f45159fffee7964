package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.api.files.HotFiles;
import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.engine.storage.MediaPaths;
import io.netty.handler.codec.DateFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP/1.1 on the wire: pipelining, limits, files sent by the kernel, a taken port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpConnectionApiTest {

    ServerFixture f;
    String playlistUrl;
    Path segment;
    String segmentUrl;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(5));
        HttpResponse<String> created = f.api("PUT", "/streaming/streams/1/clip_recording",
                "{\"start\": " + (f.window().startMs() / 1000 + 1) + ", \"duration\": 2}");
        assertEquals(200, created.statusCode(), created.body());
        JsonNode clip = f.json(created);
        String id = clip.get("id").asText();
        String path = "/streaming/streams/1/clip_recording/" + id;
        ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", path, null)).get("status").asText()));
        playlistUrl = URI.create(f.json(f.api("GET", path, null)).get("hls_master").asText()).getRawPath();
        try (Stream<Path> files = Files.list(f.engine.layout().clipDir(id))) {
            segment = files.filter(p -> p.toString().endsWith(".ts")).max((a, b) -> Long.compare(size(a), size(b)))
                    .orElseThrow();
        }
        segmentUrl = MediaPaths.clipUrl(ServerFixture.STREAM, segment.getFileName().toString());
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void pipelinedRequests_areAnsweredInTheOrderAsked_onOneConnection() {
        String request = get("/health", "") + get(playlistUrl, "") + get("/streaming/streams", "")
                + get(segmentUrl, "") + get("/nowhere", "Connection: close\r\n");
        List<RawResponses.Response> responses = RawResponses.exchange(f.server.port(), request);
        assertEquals(List.of(200, 200, 401, 200, 404), responses.stream().map(RawResponses.Response::status).toList());
        assertTrue(responses.get(0).text().contains("\"status\""), responses.get(0).text());
        assertTrue(responses.get(1).text().startsWith("#EXTM3U"), responses.get(1).text());
        assertTrue(responses.get(2).text().contains("API key"), responses.get(2).text());
        assertEquals(size(segment), responses.get(3).body().length);
        assertTrue(responses.get(4).text().contains("\"error\""), responses.get(4).text());
    }

    @Test
    void everyResponse_saysNosniff_json_media_sentFile_andErrors() {
        String request = get("/health", "") + get(playlistUrl, "") + get(segmentUrl, "")
                + get("/streaming/streams", "") + get("/nowhere", "Connection: close\r\n");
        List<RawResponses.Response> responses = RawResponses.exchange(f.server.port(), request);
        assertEquals(List.of(200, 200, 200, 401, 404), responses.stream().map(RawResponses.Response::status).toList());
        for (RawResponses.Response response : responses) {
            assertEquals("nosniff", response.headers().get("x-content-type-options"), response.headers().toString());
        }
    }

    @Test
    void segmentLargerThanTheMemoryCopies_isSentWhole_andByRange() throws IOException {
        byte[] onDisk = Files.readAllBytes(segment);
        assertTrue(onDisk.length > HotFiles.MAX_FILE_BYTES, "the segment must take the sendfile path: "
                + onDisk.length + " bytes");
        HttpResponse<byte[]> whole = f.media("GET", segmentUrl);
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp2t", whole.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(onDisk, whole.body());
        assertEquals(DateFormatter.format(new Date(f.clock.millis())), whole.headers().firstValue("Date").orElse(""),
                "Date from the engine's clock, for caches");
        HttpResponse<byte[]> part = f.media("GET", segmentUrl, "Range", "bytes=1000-70999");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(onDisk, 1000, 71000), part.body());
        HttpResponse<byte[]> head = f.media("HEAD", segmentUrl);
        assertEquals(String.valueOf(onDisk.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);
    }

    @Test
    void clientHangingUpMidSegment_leavesNoWarningBehind() throws Exception {
        Logger netty = Logger.getLogger("io.netty");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        netty.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket("127.0.0.1", f.server.port())) {
                    socket.setReceiveBufferSize(4096);
                    socket.getOutputStream().write(get(segmentUrl, "").getBytes(StandardCharsets.ISO_8859_1));
                    socket.getInputStream().readNBytes(1000);
                    socket.setSoLinger(true, 0); // reset, as a player that gave up
                }
            }
            assertEquals(200, f.media("GET", segmentUrl).statusCode(), "the server still answers");
            Thread.sleep(300); // listeners of the cut responses run on the event loops
        } finally {
            netty.removeHandler(capture);
        }
        assertEquals(List.of(), warnings.stream().map(r -> r.getMessage() + " " + r.getThrown()).toList());
    }

    @Test
    void bodyOverTheLimit_is413WithASentence_andTheConnectionCloses() {
        int length = ApiExchange.MAX_BODY_BYTES + 1000;
        String head = "POST /streaming/streams/1/clip_recording HTTP/1.1\r\nHost: x\r\nAuthorization: APIKey "
                + f.key.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
        byte[] request = new byte[head.length() + length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        Arrays.fill(request, head.length(), request.length, (byte) ' ');
        List<RawResponses.Response> responses = RawResponses.exchange(f.server.port(), request);
        assertEquals(1, responses.size());
        assertEquals(413, responses.get(0).status());
        assertTrue(responses.get(0).text().contains("larger than " + ApiExchange.MAX_BODY_BYTES + " bytes"),
                responses.get(0).text());
        assertEquals("close", responses.get(0).headers().get("connection"));
    }

    @Test
    void headersOverTheLimit_are431() {
        String request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(10_000) + "\r\n\r\n";
        List<RawResponses.Response> responses = RawResponses.exchange(f.server.port(), request);
        assertEquals(431, responses.get(0).status());
        assertTrue(responses.get(0).text().contains("8 KiB"), responses.get(0).text());
    }

    @Test
    void notHttp_is400() {
        List<RawResponses.Response> responses = RawResponses.exchange(f.server.port(), "HELLO\r\n\r\n");
        assertEquals(400, responses.get(0).status());
        assertTrue(responses.get(0).text().contains("\"error\""), responses.get(0).text());
    }

    @Test
    void portAlreadyTaken_failsWithASentenceNamingIt() {
        ApiConfig taken = ApiConfig.of("127.0.0.1", f.server.port(), f.key);
        IOException failure = assertThrows(IOException.class,
                () -> ApiServer.start(taken, ApiBackend.of(f.engine), new StringWriter()).close());
        assertTrue(failure.getMessage().contains("cannot listen on 127.0.0.1:" + f.server.port()), failure.getMessage());
    }

    private static String get(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
