package io.clipdesk.api;

import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.http.connection.ConnectionLimits;
import io.clipdesk.api.http.connection.TlsFiles;

import java.util.Objects;
import java.util.Optional;

/**
 * How the server listens. {@code publicBaseUrl} (e.g. {@code https://clips.example.com}) replaces the
 * request's Host header in the absolute URLs of responses when the server sits behind a proxy; empty
 * means "build them from Host". {@code port} 0 picks a free port (tests). {@code limits} bound how long and how
 * many connections a client may hold; with {@code tls} the server speaks only HTTPS.
 */
public record ApiConfig(String bindAddress, int port, String publicBaseUrl, ApiKey apiKey, int threads,
                        ConnectionLimits limits, Optional<TlsFiles> tls) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Handlers block on disk and socket writes; a few per core keeps 2 cores busy without thrashing. */
    public static final int DEFAULT_THREADS = 8;

    public ApiConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tls, "tls");
        publicBaseUrl = publicBaseUrl == null ? "" : stripTrailingSlash(publicBaseUrl.strip());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0–65535, got " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one HTTP thread");
        }
        if (!publicBaseUrl.isEmpty() && !publicBaseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("public base URL must look like https://host[:port][/path], got "
                    + publicBaseUrl);
        }
    }

    public static ApiConfig of(String bindAddress, int port, ApiKey apiKey) {
        return new ApiConfig(bindAddress, port, "", apiKey, DEFAULT_THREADS, ConnectionLimits.DEFAULTS,
                Optional.empty());
    }

    public ApiConfig withPublicBaseUrl(String url) {
        return new ApiConfig(bindAddress, port, url, apiKey, threads, limits, tls);
    }

    public ApiConfig withThreads(int count) {
        return new ApiConfig(bindAddress, port, publicBaseUrl, apiKey, count, limits, tls);
    }

    public ApiConfig withLimits(ConnectionLimits newLimits) {
        return new ApiConfig(bindAddress, port, publicBaseUrl, apiKey, threads, newLimits, tls);
    }

    /** Serves HTTPS (API and media on the same port) with this certificate and key. */
    public ApiConfig withTls(TlsFiles files) {
        return new ApiConfig(bindAddress, port, publicBaseUrl, apiKey, threads, limits, Optional.of(files));
    }

    public Optional<String> publicBase() {
        return publicBaseUrl.isEmpty() ? Optional.empty() : Optional.of(publicBaseUrl);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
