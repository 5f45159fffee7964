package io.clipdesk.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.ClipRejectedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Gcore-compatible server (a Clipdesk headless server or Gcore's API): base URL, API key, and JSON calls
 * that turn error statuses back into the engine's exceptions. Owns the {@code remote-http-N} threads.
 */
public final class RemoteServer implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final String apiKey;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ExecutorService threads;
    private final HttpClient http;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8080} or {@code https://api.gcore.com} */
    public RemoteServer(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, "");
    }

    /**
     * @param baseUrl        e.g. {@code https://192.168.1.20:8080}
     * @param tlsFingerprint the SHA-256 fingerprint of the server's (self-signed) certificate to trust instead of
     *                       the JDK's certificate authorities; empty to use those
     * @throws IllegalArgumentException when the URL or the fingerprint is malformed
     */
    public RemoteServer(String baseUrl, String apiKey, String tlsFingerprint) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey").strip();
        String trimmed = baseUrl.strip().replaceAll("/+$", "");
        if (!trimmed.matches("(?i)https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new IllegalArgumentException("server URL must look like http://host:port, got " + baseUrl);
        }
        this.base = URI.create(trimmed);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "remote-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).executor(threads);
        if (tlsFingerprint != null && !tlsFingerprint.isBlank()) {
            builder.sslContext(PinnedCertificate.of(tlsFingerprint).sslContext());
        }
        this.http = builder.build();
    }

    public URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "APIKey " + apiKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(method, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("Interrupted while calling the clip server at " + base, e);
        }
        return answer(method, response);
    }

    /**
     * (ext) The server's change events from {@code lastEventId} ("" for now on): the open response, whose body
     * the caller reads line by line and closes. Any status is returned as it is (a server without events
     * answers 404).
     */
    HttpResponse<java.io.InputStream> openEvents(String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(base.getPath() + "/streaming/events"
                        + query))
                .timeout(REQUEST_TIMEOUT) // until the head; the stream itself then stays open
                .header("Authorization", "APIKey " + apiKey)
                .header("Accept", "text/event-stream")
                .GET();
        if (!lastEventId.isEmpty()) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable("GET", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("Interrupted while calling the clip server at " + base, e);
        }
    }

    /** A path on the server ({@code /live/...}) or an absolute URL the server gave, as a URI. */
    URI resolve(String pathOrUrl) {
        URI given = URI.create(pathOrUrl.strip());
        return given.isAbsolute() ? given : base.resolve(base.getPath() + pathOrUrl);
    }

    /**
     * Fetches media (a playlist, a segment, a JPEG) the server links to. The API key goes only to the server
     * itself, never to another host a link points at (a CDN).
     *
     * @throws NotFoundException when the server says it has no such media (gone with retention, or never made)
     * @throws RemoteCallException when the server cannot be reached or fails
     */
    byte[] media(URI uri, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (Objects.equals(uri.getHost(), base.getHost()) && uri.getPort() == base.getPort()) {
            request.header("Authorization", "APIKey " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable("GET", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("Interrupted while fetching media from " + base, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        if (status == 404 || status == 410) {
            throw new NotFoundException("The clip server has no " + lastName(uri) + " (any more).");
        }
        throw new RemoteCallException("The clip server at " + base + " failed to send " + lastName(uri) + " (HTTP "
                + status + ").", null);
    }

    /**
     * (ext) Opens media that streams as it is written (the segment being written): the open response once its
     * head came, whose body the caller reads and closes; any status is returned as it is.
     */
    HttpResponse<java.io.InputStream> openMedia(URI uri, Duration headTimeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(headTimeout).GET();
        if (Objects.equals(uri.getHost(), base.getHost()) && uri.getPort() == base.getPort()) {
            request.header("Authorization", "APIKey " + apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable("GET", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("Interrupted while fetching media from " + base, e);
        }
    }

    /** The status of a GET on the server's own {@code path} with the key, and its body: for probing what it is. */
    Probe probe(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "APIKey " + apiKey).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Probe(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw unreachable("GET", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("Interrupted while calling the clip server at " + base, e);
        }
    }

    /** What a probe saw: the status and the JSON body (an empty object when the body was not JSON). */
    record Probe(int status, JsonNode json) {
    }

    private static String lastName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The innermost cause's words: "Connection refused", "no such host", "no answer in time". */
    private static String reason(IOException e) {
        Throwable inner = e;
        while (inner.getCause() != null) {
            inner = inner.getCause();
        }
        if (inner instanceof java.nio.channels.UnresolvedAddressException
                || inner instanceof java.net.UnknownHostException) {
            return "no such host";
        }
        if (inner instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        String words = inner.getMessage();
        return words == null || words.isBlank() ? inner.getClass().getSimpleName() : words;
    }

    private RemoteCallException unreachable(String method, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PinnedCertificate.Mismatch mismatch) {
                return new RemoteCallException("The clip server at " + base + " is not trusted: "
                        + mismatch.getMessage() + ".", e);
            }
        }
        boolean neverSent = e instanceof java.net.ConnectException
                || e instanceof java.net.http.HttpConnectTimeoutException;
        return new RemoteCallException("Cannot reach the clip server at " + base + ": " + reason(e) + ".", e, 0,
                RemoteCallException.retryable(method, 0, null, neverSent));
    }

    private JsonNode answer(String method, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode node = parse(response.body());
        if (status >= 200 && status < 300) {
            return node;
        }
        String message = node.path("error").asText("");
        if (message.isEmpty()) {
            message = node.path("detail").asText("");
        }
        if (message.isEmpty()) {
            message = "the clip server answered HTTP " + status;
        }
        switch (status) {
            case 400:
                throw new InvalidRequestException(message);
            case 404:
                throw new NotFoundException(message);
            case 422:
                throw new ClipRejectedException(ClipRejectedException.Rule.DVR_DISABLED, message);
            case 401:
            case 403:
                throw new RemoteCallException("The clip server at " + base + " refused the API key: " + message, null,
                        status, false);
            default:
                throw new RemoteCallException("The clip server at " + base + " failed (HTTP " + status + "): "
                        + message, null, status, RemoteCallException.retryable(method, status,
                        response.headers().firstValue("x-should-retry").orElse(null), false));
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body not serialisable", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
