package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.DiskSpace;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A real server on port 0 over a real engine (SQLite in a temp dir, FFmpeg test signal, 1 s segments),
 * driven by a hand-moved clock: the test signal encodes up to the clock's time, then waits.
 */
final class ServerFixture implements AutoCloseable {

    static final int SEGMENT_MS = 1000;
    static final long STREAM = 1;

    final MutableClock clock = MutableClock.atWholeSecond();
    final Path dir;
    final ClipEngine engine;
    final ApiKey key = ApiKey.random(new SecureRandom());
    final StringWriter accessLog = new StringWriter();
    final ApiServer server;
    final HttpClient http;
    final ObjectMapper json = new ObjectMapper();

    ServerFixture(Path dir) throws IOException {
        this(dir, UnaryOperator.identity());
    }

    /** @param configure changes the loopback, port-0 configuration (limits, TLS) */
    ServerFixture(Path dir, UnaryOperator<ApiConfig> configure) throws IOException {
        this(dir, configure, null);
    }

    /** @param trust what the fixture's client trusts for HTTPS (null: the JDK's default) */
    ServerFixture(Path dir, UnaryOperator<ApiConfig> configure, SSLContext trust) throws IOException {
        this(dir, configure, trust, DiskReserve.NONE, DiskSpace.of(dir));
    }

    /** With the disk's free space read through {@code disk} and the DVR keeping {@code reserve} free. */
    ServerFixture(Path dir, DiskReserve reserve, DiskSpace disk) throws IOException {
        this(dir, UnaryOperator.identity(), null, reserve, disk);
    }

    private ServerFixture(Path dir, UnaryOperator<ApiConfig> configure, SSLContext trust, DiskReserve reserve,
                          DiskSpace disk) throws IOException {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        this.http = (trust == null ? client : client.sslContext(trust)).build();
        this.dir = dir;
        this.engine = Engines.open(EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(SEGMENT_MS)
                .withDiskReserve(reserve), clock, disk);
        try {
            this.server = ApiServer.start(configure.apply(ApiConfig.of("127.0.0.1", 0, key)), ApiBackend.of(engine),
                    accessLog);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    String base() {
        return server.baseUrl();
    }

    void produce(Duration duration) {
        LiveFeed.produce(clock, engine, STREAM, duration);
    }

    DvrWindow window() {
        return engine.streams().state(STREAM).window();
    }

    long nowS() {
        return clock.millis() / 1000;
    }

    /** An authorised API call; {@code body} may be null. */
    HttpResponse<String> api(String method, String path, String body) {
        return send(request(path).header("Authorization", "APIKey " + key.token()), method, body);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String method, String body) {
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl));
    }

    /** A media GET (no key) with extra headers as name, value pairs. */
    HttpResponse<byte[]> media(String method, String url, String... headers) {
        HttpRequest.Builder request = request(url).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Sends the request target byte for byte (no client-side normalisation); returns status line + body. */
    String raw(String target) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        LiveFeed.await(what, condition);
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
