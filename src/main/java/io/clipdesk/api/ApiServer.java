package io.clipdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Gcore-compatible REST API and media server over the JDK's HttpServer. Started on a bind address and
 * port (0 = any free port); {@link #close()} stops listening, drops open connections and ends the
 * {@code http-N} threads. It owns no engine state: close the engine separately, after the server.
 */
public final class ApiServer implements AutoCloseable {

    private static final int BACKLOG = 512;
    /** Memory for copies of hot media files (segments and short clips many viewers fetch at once). */
    private static final long HOT_FILES_BYTES = 64L << 20;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService pool;
    private final AccessLog accessLog;
    private final String baseUrl;

    private ApiServer(HttpServer server, ExecutorService pool, AccessLog accessLog, String baseUrl) {
        this.server = server;
        this.pool = pool;
        this.accessLog = accessLog;
        this.baseUrl = baseUrl;
    }

    /** Starts with the access log on standard error. */
    public static ApiServer start(ApiConfig config, ApiBackend backend) throws IOException {
        return start(config, backend, new BufferedWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
    }

    /** Starts with the access log written to {@code accessLogSink} (flushed after each batch of lines). */
    public static ApiServer start(ApiConfig config, ApiBackend backend, Writer accessLogSink) throws IOException {
        // Headers and body go out in separate writes; with Nagle on, keep-alive requests would wait for
        // the client's delayed ACK (~40 ms each). The JDK reads this once, when its server class loads.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), BACKLOG);
        int port = server.getAddress().getPort();
        String fallbackBase = "http://" + hostForUrl(config.bindAddress()) + ":" + port;
        ExecutorService pool = newPool(config.threads());
        AccessLog accessLog = new AccessLog(accessLogSink);
        server.setExecutor(pool);
        try {
            server.createContext("/", handler(config, backend, accessLog, fallbackBase));
        } catch (IOException | RuntimeException e) {
            pool.shutdown();
            accessLog.close();
            server.stop(0);
            throw e;
        }
        server.start();
        return new ApiServer(server, pool, accessLog, config.publicBase().orElse(fallbackBase));
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where clients reach this server: the public base URL if configured, else http://bind:port. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        accessLog.close();
    }

    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    private static ApiHandler handler(ApiConfig config, ApiBackend backend, AccessLog accessLog, String fallbackBase)
            throws IOException {
        List<Route> routes = new ArrayList<>();
        // Media first: it is by far the most requested.
        routes.addAll(new MediaHandler(backend.media(), backend.clips(), backend.clock(),
                new MediaSender(backend.layout().root(), new HotFiles(HOT_FILES_BYTES))).routes());
        routes.addAll(new HealthHandler(backend.streams(), backend.layout().root()).routes());
        routes.addAll(new ClipsHandler(backend.clips(), backend.streams()).routes());
        routes.addAll(new StreamsHandler(backend.streams()).routes());
        routes.addAll(new VideosHandler(backend.videos()).routes());
        return new ApiHandler(new Router(routes), new ErrorMapper(backend.clock()), accessLog,
                config.apiKey(), objectMapper(), backend.clock(), config.publicBaseUrl(), fallbackBase);
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String hostForUrl(String bindAddress) {
        if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }
}
