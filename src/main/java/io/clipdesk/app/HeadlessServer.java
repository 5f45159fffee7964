package io.clipdesk.app;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.ApiKeyStore;
import io.clipdesk.api.ApiServer;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.DataLayout;
import io.clipdesk.engine.EngineConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
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
        createPrivately(dataDir);
        ApiKeyStore keys = new ApiKeyStore(dataDir, new SecureRandom());
        ApiKeyStore.Issued issued = keys.loadOrCreate();
        ApiConfig config = ApiConfig.of(options.bind(), options.port(), issued.key())
                .withPublicBaseUrl(options.publicUrl());
        ClipEngine engine = opener.open(EngineConfig.defaults(new DataLayout(dataDir))
                .withSegmentDurationMs(segmentDurationMs).withDiskReserve(options.diskReserve()), clock);
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
        out.flush();
        return new HeadlessServer(engine, server);
    }

    public String baseUrl() {
        return server.baseUrl();
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

    private static void createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }
}
