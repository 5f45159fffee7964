package io.clipdesk.engine.stream;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an encoder pushes a stream: an RTMP or SRT listener on a port of its own. FFmpeg's listeners take one
 * connection each, so every push stream has its own port (RTMP from 1935, SRT from 9000). Stored in
 * {@link SourceSpec#uri()} as {@code rtmp://0.0.0.0:1935/live} or {@code srt://0.0.0.0:9000?passphrase=…};
 * the stored host is only a placeholder: listeners listen on the engine's ingest address
 * ({@link EngineConfig#ingestBind()}). Port 0 means "pick a free one" when the stream is created. The RTMP stream
 * key is the stream's media key.
 */
public record PushAddress(SourceKind kind, int port, String passphrase) {

    public static final int DEFAULT_RTMP_PORT = 1935;
    public static final int DEFAULT_SRT_PORT = 9000;
    public static final int MIN_PORT = 1024;
    public static final String RTMP_APP = "live";
    /** The ingest address that listens on every interface (and the placeholder host of stored addresses). */
    public static final String ANY_INTERFACE = "0.0.0.0";
    /** libsrt's length rule; characters kept URL-safe so the push URL can be pasted as it is. */
    private static final Pattern PASSPHRASE = Pattern.compile("[A-Za-z0-9._~-]{10,79}");

    public PushAddress {
        if (kind != SourceKind.RTMP_PUSH && kind != SourceKind.SRT_PUSH) {
            throw new IllegalArgumentException(kind + " is not a push source");
        }
        passphrase = passphrase == null ? "" : passphrase;
        if (port != 0 && (port < MIN_PORT || port > 65_535)) {
            throw new InvalidRequestException("port must be " + MIN_PORT + "–65535, got " + port);
        }
        if (!passphrase.isEmpty() && kind != SourceKind.SRT_PUSH) {
            throw new InvalidRequestException("only SRT takes a passphrase");
        }
        if (!passphrase.isEmpty() && !PASSPHRASE.matcher(passphrase).matches()) {
            throw new InvalidRequestException("passphrase must be 10–79 characters of letters, digits and - _ . ~");
        }
    }

    public static PushAddress rtmp(int port) {
        return new PushAddress(SourceKind.RTMP_PUSH, port, "");
    }

    public static PushAddress srt(int port, String passphrase) {
        return new PushAddress(SourceKind.SRT_PUSH, port, passphrase);
    }

    /** The push address a stored source describes; empty for pull, file and test-signal sources. */
    public static Optional<PushAddress> of(SourceSpec spec) {
        if (spec.kind() != SourceKind.RTMP_PUSH && spec.kind() != SourceKind.SRT_PUSH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(spec.uri());
            String scheme = spec.kind() == SourceKind.RTMP_PUSH ? "rtmp" : "srt";
            if (!scheme.equalsIgnoreCase(uri.getScheme())) {
                throw new InvalidRequestException("a " + scheme + " address must start with " + scheme + "://");
            }
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String passphrase = query.startsWith("passphrase=") ? query.substring("passphrase=".length()) : "";
            return Optional.of(new PushAddress(spec.kind(), Math.max(0, uri.getPort()), passphrase));
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("not a push address: " + spec.uri());
        }
    }

    public PushAddress withPort(int newPort) {
        return new PushAddress(kind, newPort, passphrase);
    }

    public SourceSpec spec() {
        String base = scheme() + "://" + ANY_INTERFACE + ":" + port;
        return new SourceSpec(kind, kind == SourceKind.RTMP_PUSH ? base + "/" + RTMP_APP
                : passphrase.isEmpty() ? base : base + "?passphrase=" + passphrase);
    }

    /** What FFmpeg listens on: {@code bindAddress} (an interface's address, or {@link #ANY_INTERFACE}). */
    public String listenUrl(String bindAddress, String mediaKey) {
        String base = scheme() + "://" + urlHost(bindAddress) + ":" + port;
        return kind == SourceKind.RTMP_PUSH ? base + "/" + RTMP_APP + "/" + mediaKey : base;
    }

    /** The URL to paste into an encoder (OBS, ffmpeg), for a machine reachable as {@code host}. */
    public String pushUrl(String host, String mediaKey) {
        if (kind == SourceKind.RTMP_PUSH) {
            return "rtmp://" + urlHost(host) + ":" + port + "/" + RTMP_APP + "/" + mediaKey;
        }
        return "srt://" + urlHost(host) + ":" + port + (passphrase.isEmpty() ? "" : "?passphrase=" + passphrase);
    }

    /**
     * The host an encoder must push to: the ingest address when the listeners listen on one address only (an
     * encoder can reach them there and nowhere else), else {@code reachedAs}, the name a client reached this
     * machine by.
     */
    public static String encoderHost(String ingestBind, String reachedAs) {
        String bare = ingestBind.strip();
        boolean everyInterface = bare.isEmpty() || bare.equals(ANY_INTERFACE) || bare.equals("::")
                || bare.equals("[::]");
        return everyInterface ? reachedAs : bare;
    }

    private static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private String scheme() {
        return kind == SourceKind.RTMP_PUSH ? "rtmp" : "srt";
    }
}
