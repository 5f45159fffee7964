package io.clipdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A Clipdesk server made to look like a plain Gcore-compatible one: a proxy on port 0 that answers 404 on every
 * (ext) route (events, waveform, health, thumbnails, describing a clip) and strips the (ext) fields from JSON both ways
 * (dvr_start/dvr_end, health, source, cut ranges, gap_ms, accuracy, status, descriptions and created_by). Media links
 * in the answers still point at the real server, as Gcore's point at its CDN. Counts what it refused.
 */
public final class PlainGcoreProxy implements AutoCloseable {

    private static final Set<String> EXT_FIELDS = Set.of("dvr_start", "dvr_end", "health", "source", "push_url",
            "cut_start_ms", "cut_end_ms", "cut_from_ms", "cut_to_ms", "gap_ms", "accuracy", "status", "error",
            "tags", "created_by", "description");
    private static final Pattern EXT_ROUTE = Pattern.compile(
            "/health|/streaming/events.*|/streaming/streams/[0-9]+/waveform.*|.*/thumb_[0-9]+\\.jpg");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding",
            "host", "keep-alive", "upgrade", "expect");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String target;
    private final AtomicInteger refused = new AtomicInteger();

    public PlainGcoreProxy(String targetBaseUrl) throws IOException {
        this.target = targetBaseUrl.replaceAll("/+$", "");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many (ext) requests were answered 404. */
    public int refused() {
        return refused.get();
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (EXT_ROUTE.matcher(path).matches() || method.equals("PATCH") && path.contains("/clip_recording/")) {
                refused.incrementAndGet();
                send(ex, 404, "{\"detail\":\"Not found.\"}".getBytes(), "application/json");
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            if (body.length > 0 && isJson(ex.getRequestHeaders().getFirst("Content-Type"))) {
                body = strip(body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
            byte[] out = isJson(type) && answer.body().length > 0 ? strip(answer.body()) : answer.body();
            send(ex, answer.statusCode(), out, type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isJson(String type) {
        return type != null && type.startsWith("application/json");
    }

    private byte[] strip(byte[] body) throws IOException {
        JsonNode node = json.readTree(body);
        strip(node);
        return json.writeValueAsBytes(node);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List.copyOf(EXT_FIELDS).forEach(object::remove);
            object.elements().forEachRemaining(PlainGcoreProxy::strip);
        } else if (node.isArray()) {
            node.forEach(PlainGcoreProxy::strip);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
