package io.clipdesk.app;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.auth.ApiKeyStore;
import io.clipdesk.api.ApiServer;
import io.clipdesk.api.http.connection.ConnectionLimits;
import io.clipdesk.api.http.connection.TlsFiles;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.OwnerOnlyFiles;
import io.clipdesk.engine.stream.MediaRoots;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code clipdesk --headless}: the engine and the REST API, no window. Prints the API key once (when it is
 * created) and the base URL; serves until SIGTERM or Ctrl-C, then closes the server and then the engine.
 */
public final class HeadlessServer implements AutoCloseable {

    /** How the composition root opens the engine; {@code Engines::open} in production. */
    @FunctionalInterface
    public interface EngineOpener {
        ClipEngine open(EngineConfig config, Clock clock);
    }

    private final ClipEngine engine;
    private final ApiServer server;

    private HeadlessServer(ClipEngine engine, ApiServer server) {
        this.engine = engine;
        this.server = server;
    }

    /**
     * Parses {@code args}, starts, and blocks until the JVM is asked to stop. Returns only when it could not
     * start: 2 for bad arguments, 1 for anything else (the reason is printed).
     */
    public static int run(String[] args, EngineOpener opener) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        HeadlessOptions options;
        try {
            options = HeadlessOptions.parse(args, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println("clipdesk: " + e.getMessage());
            System.err.println(HeadlessOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            System.out.println(HeadlessOptions.USAGE);
            return 0;
        }
        HeadlessServer running;
        try {
            running = start(options, opener, Clock.systemUTC(), EngineConfig.DEFAULT_SEGMENT_DURATION_MS, System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("clipdesk: could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Opens the engine and the server and prints where to reach them. */
    public static HeadlessServer start(HeadlessOptions options, EngineOpener opener, Clock clock,
                                       int segmentDurationMs, PrintStream out) throws IOException {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        OwnerOnlyFiles.createFolder(dataDir);
        ApiKeyStore keys = new ApiKeyStore(dataDir, new SecureRandom());
        ApiKeyStore.Issued issued = keys.loadOrCreate();
        ConnectionLimits limits = ConnectionLimits.DEFAULTS
                .withMaxConnectionsPerAddress(options.maxConnectionsPerAddress());
        ApiConfig plain = ApiConfig.of(options.bind(), options.port(), issued.key())
                .withPublicBaseUrl(options.publicUrl()).withLimits(limits);
        ApiConfig config = options.tlsCert() == null ? plain
                : plain.withTls(new TlsFiles(options.tlsCert(), options.tlsKey()));
        // A server on a network plays only the files its operator allows, and takes pushes where it serves the API.
        EngineConfig engineConfig = EngineConfig.defaults(new DataLayout(dataDir))
                .withSegmentDurationMs(segmentDurationMs)
                .withIngestBind(options.ingestBind())
                .withFileSources(MediaRoots.only(options.mediaRoots()))
                .withDiskReserve(options.diskReserve())
                .withApiPort(options.port());
        ClipEngine engine = opener.open(engineConfig, clock);
        ApiServer server;
        try {
            server = ApiServer.start(config, ApiBackend.of(engine));
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        out.println("Clipdesk is serving the clip API at " + server.baseUrl() + "/");
        out.println("  data dir: " + dataDir);
        out.println("  disk:     the DVR leaves free " + options.diskReserve().describe());
        if (issued.isNew()) {
            out.println("  API key:  " + issued.key().token());
            out.println("            (shown only now; it is kept in " + keys.file() + ", readable only by you)");
        } else {
            out.println("  API key:  in " + keys.file());
        }
        out.println("  try:      curl -H \"Authorization: APIKey $(cat " + keys.file() + ")\" "
                + server.baseUrl() + "/streaming/streams");
        out.println("  pushes:   RTMP/SRT listeners on " + options.ingestBind());
        out.println("  files:    " + (options.mediaRoots().isEmpty()
                ? "file sources are off (allow a folder with --media-root DIR)"
                : "file sources may play files in " + options.mediaRoots()));
        clearTextWarning(options).ifPresent(out::println);
        out.flush();
        return new HeadlessServer(engine, server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Said once at start when the API key would cross a network unencrypted. */
    static Optional<String> clearTextWarning(HeadlessOptions options) {
        if (options.tlsCert() != null || isLoopback(options.bind())) {
            return Optional.empty();
        }
        return Optional.of("  warning:  plain HTTP on " + options.bind() + ": the API key and media travel in clear on "
                + "the network; serve HTTPS with --tls-cert FILE --tls-key FILE, or bind 127.0.0.1 behind a TLS proxy");
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public ClipEngine engine() {
        return engine;
    }

    /** Server first, so no request reaches a closing engine. */
    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
