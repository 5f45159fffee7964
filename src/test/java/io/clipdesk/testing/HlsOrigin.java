package io.clipdesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A live HLS origin for tests (the JDK's HTTP server): serves pre-made MPEG-TS segments from a folder under a
 * sliding playlist the test grows segment by segment, each with the #EXT-X-PROGRAM-DATE-TIME the test chooses.
 * {@link #outage(boolean)} answers 503 to everything, as an origin that went away.
 */
public final class HlsOrigin implements AutoCloseable {

    private record Entry(String file, double durationS, long programDateTimeMs, boolean discontinuity) {
    }

    private static final int WINDOW = 6;

    private final Path folder;
    private final HttpServer server;
    private final List<Entry> entries = new ArrayList<>();
    private volatile boolean outage;

    /** Makes {@code seconds} one-second segments (seg000.ts …) of the CLI's H.264/AAC test picture and serves them. */
    public static HlsOrigin withSegments(Path folder, int seconds) throws IOException {
        Files.createDirectories(folder);
        FfmpegCli.run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                "-t", Integer.toString(seconds), "-f", "hls", "-hls_time", "1", "-hls_list_size", "0",
                "-hls_segment_filename", folder.resolve("seg%03d.ts").toString(),
                folder.resolve("made.m3u8").toString());
        return new HlsOrigin(folder);
    }

    private HlsOrigin(Path folder) throws IOException {
        this.folder = folder;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String playlistUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/live/index.m3u8";
    }

    /** Appends segment {@code index} (seg{index}.ts), stamped {@code programDateTimeMs}. */
    public synchronized void publish(int index, long programDateTimeMs, boolean discontinuity) {
        entries.add(new Entry(String.format("seg%03d.ts", index), 1.0, programDateTimeMs, discontinuity));
    }

    public void outage(boolean on) {
        outage = on;
    }

    private synchronized String playlist() {
        int first = Math.max(0, entries.size() - WINDOW);
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n");
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        for (Entry e : entries.subList(first, entries.size())) {
            if (e.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(Instant.ofEpochMilli(e.programDateTimeMs())).append('\n');
            out.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", e.durationS())).append(e.file()).append('\n');
        }
        return out.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/live/", "");
            byte[] body;
            if (outage) {
                exchange.sendResponseHeaders(503, -1);
                return;
            } else if (name.equals("index.m3u8")) {
                body = playlist().getBytes(StandardCharsets.UTF_8);
            } else if (name.matches("seg[0-9]{3}\\.ts") && Files.exists(folder.resolve(name))) {
                body = Files.readAllBytes(folder.resolve(name));
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
