package io.clipdesk.app;

import io.clipdesk.api.http.connection.ConnectionLimits;
import io.clipdesk.engine.storage.DiskReserve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Command line of {@code clipdesk --headless}. The data dir is {@code --data-dir}, else $CLIPDESK_DATA,
 * else $XDG_DATA_HOME/clipdesk, else ~/.local/share/clipdesk. Push listeners listen where the API does unless
 * {@code --ingest-bind} says otherwise; file sources may read only below the {@code --media-root} folders.
 * {@code tlsCert} and {@code tlsKey} are both set (HTTPS) or both null.
 */
public record HeadlessOptions(String bind, int port, Path dataDir, String publicUrl, String ingestBind,
                              List<Path> mediaRoots, Path tlsCert, Path tlsKey, int maxConnectionsPerAddress,
                              DiskReserve diskReserve,
                              boolean help) {

    public static final String USAGE = String.join("\n",
            "Usage: clipdesk --headless [--bind ADDRESS] [--port PORT] [--data-dir DIR] [--public-url URL]",
            "         [--ingest-bind ADDRESS] [--media-root DIR]... [--tls-cert FILE --tls-key FILE]",
            "         [--max-connections-per-address N] [--disk-reserve SIZE|SHARE]",
            "  --bind         address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)",
            "  --port         TCP port (default 8080; 0 picks a free one)",
            "  --data-dir     where streams, DVR, clips and the API key live",
            "                 (default $CLIPDESK_DATA, else $XDG_DATA_HOME/clipdesk, else ~/.local/share/clipdesk)",
            "  --public-url   base of the absolute URLs in responses behind a proxy, e.g. https://clips.example.com",
            "  --ingest-bind  address RTMP/SRT push listeners listen on (default: the --bind address)",
            "  --media-root   a folder whose files file sources may play (repeatable; none by default: file sources",
            "                 are refused)",
            "  --tls-cert     PEM certificate (chain) to serve the API and media over HTTPS; needs --tls-key",
            "  --tls-key      PEM private key of that certificate (PKCS#8 \"BEGIN PRIVATE KEY\")",
            "  --max-connections-per-address  connections one client address may hold at once (default "
                    + ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS + ")",
            "  --disk-reserve free space the DVR leaves on the data dir's disk, dropping its oldest media to keep it:",
            "                 a size (5G, 512M), a share (10%), both (5G,10%: the smaller wins) or 0 for none",
            "                 (default 5G,10%)");

    public HeadlessOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        publicUrl = publicUrl == null ? "" : publicUrl;
        ingestBind = ingestBind == null || ingestBind.isBlank() ? bind : ingestBind.strip();
        mediaRoots = List.copyOf(mediaRoots);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give the certificate and its"
                    + " key");
        }
        Objects.requireNonNull(diskReserve, "diskReserve");
    }

    /** @throws IllegalArgumentException with a sentence for the operator when an argument is wrong */
    public static HeadlessOptions parse(String[] args, Map<String, String> env, Path home) {
        String bind = "127.0.0.1";
        int port = 8080;
        String dataDir = null;
        String publicUrl = "";
        String ingestBind = null;
        List<Path> mediaRoots = new ArrayList<>();
        String tlsCert = null;
        String tlsKey = null;
        int maxConnections = ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        DiskReserve diskReserve = DiskReserve.DEFAULT;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--headless" -> { }
                case "-h", "--help" -> help = true;
                case "--bind" -> bind = inline != null ? inline : valueAfter(args, i++, name);
                case "--port" -> port = port(inline != null ? inline : valueAfter(args, i++, name));
                case "--data-dir" -> dataDir = inline != null ? inline : valueAfter(args, i++, name);
                case "--public-url" -> publicUrl = inline != null ? inline : valueAfter(args, i++, name);
                case "--ingest-bind" -> ingestBind = inline != null ? inline : valueAfter(args, i++, name);
                case "--media-root" -> mediaRoots.add(Path.of(inline != null ? inline : valueAfter(args, i++, name)));
                case "--tls-cert" -> tlsCert = inline != null ? inline : valueAfter(args, i++, name);
                case "--tls-key" -> tlsKey = inline != null ? inline : valueAfter(args, i++, name);
                case "--max-connections-per-address" -> maxConnections = positive(name,
                        inline != null ? inline : valueAfter(args, i++, name));
                case "--disk-reserve" -> diskReserve = DiskReserve.parse(inline != null ? inline
                        : valueAfter(args, i++, name));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new HeadlessOptions(bind, port, dataDir(dataDir, env, home), publicUrl, ingestBind, mediaRoots,
                tlsCert == null ? null : Path.of(tlsCert), tlsKey == null ? null : Path.of(tlsKey),
                maxConnections, diskReserve, help);
    }

    static Path dataDir(String fromArgs, Map<String, String> env, Path home) {
        if (fromArgs != null && !fromArgs.isBlank()) {
            return Path.of(fromArgs);
        }
        String fromEnv = env.get("CLIPDESK_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("clipdesk");
    }

    private static String valueAfter(String[] args, int i, String name) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i + 1];
    }

    private static int positive(String name, String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence below
        }
        throw new IllegalArgumentException(name + " must be a whole number above 0, got " + text);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + text);
    }
}
