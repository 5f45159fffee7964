package io.clipdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One request and its response, as the handlers see it: path parameters, the JSON body, absolute URLs,
 * and response writers that remember status and size for the request log.
 */
final class ApiExchange {

    static final String JSON = "application/json";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private final HttpExchange exchange;
    private final ObjectMapper mapper;
    private final String configuredBase;
    private final String fallbackBase;
    private final String path;
    private List<String> params = List.of();
    private int status;
    private long bytesSent;

    ApiExchange(HttpExchange exchange, ObjectMapper mapper, String configuredBase, String fallbackBase) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.configuredBase = configuredBase;
        this.fallbackBase = fallbackBase;
        this.path = exchange.getRequestURI().getRawPath();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The raw (still percent-encoded) path; never the query, which may carry secrets. */
    String path() {
        return path;
    }

    boolean isHead() {
        return "HEAD".equals(exchange.getRequestMethod());
    }

    void params(List<String> values) {
        params = List.copyOf(values);
    }

    String param(int index) {
        return params.get(index);
    }

    long longParam(int index) {
        return Long.parseLong(params.get(index));
    }

    String requestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    Headers responseHeaders() {
        return exchange.getResponseHeaders();
    }

    JsonBody body() {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpProblem(413, "The request body is larger than " + MAX_BODY_BYTES
                        + " bytes; clip and stream requests are small JSON objects.");
            }
            return JsonBody.parse(bytes, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://host:port of this server as the client reached it, or the configured public base URL. */
    String baseUrl() {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        String host = requestHeader("Host");
        return host != null && SAFE_HOST.matcher(host).matches() ? "http://" + host : fallbackBase;
    }

    String absolute(String rootRelativePath) {
        return baseUrl() + rootRelativePath;
    }

    void sendJson(int code, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        responseHeaders().set("Content-Type", JSON);
        sendBytes(code, bytes);
    }

    void sendBytes(int code, byte[] bytes) throws IOException {
        if (isHead()) {
            sendHeadersOnly(code, bytes.length);
            return;
        }
        startBody(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        countSent(bytes.length);
    }

    void sendNoContent() throws IOException {
        status = 204;
        exchange.sendResponseHeaders(204, -1);
    }

    /** Status line and headers of a response whose body follows in {@code length} bytes. */
    OutputStream startBody(int code, long length) throws IOException {
        status = code;
        exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
        return exchange.getResponseBody();
    }

    /** HEAD: the headers a GET would send, Content-Length included, and no body. */
    void sendHeadersOnly(int code, long length) throws IOException {
        status = code;
        responseHeaders().set("Content-Length", Long.toString(length));
        exchange.sendResponseHeaders(code, -1);
    }

    void countSent(long bytes) {
        bytesSent += bytes;
    }

    boolean responseStarted() {
        return status != 0;
    }

    int status() {
        return status;
    }

    long bytesSent() {
        return bytesSent;
    }
}
