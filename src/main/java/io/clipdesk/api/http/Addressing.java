package io.clipdesk.api.http;

import io.clipdesk.engine.stream.PushAddress;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * How responses name this server: the base of absolute URLs (the configured public base, else the scheme this
 * server speaks and the host the client reached it by) and the host encoders push to.
 *
 * @param configuredBase the public base URL, or empty to build URLs from the request
 * @param tls            whether this server speaks HTTPS
 * @param ingestBind     where the push listeners listen
 */
public record Addressing(String configuredBase, boolean tls, String ingestBind) {

    private static final Pattern SAFE_HOST = Pattern.compile(
            "[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    String scheme() {
        return tls ? "https" : "http";
    }

    /** The configured base, else scheme://host:port as the client reached it (Host, else the connection's address). */
    String baseUrl(String hostHeader, InetSocketAddress local) {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        if (hostHeader != null && SAFE_HOST.matcher(hostHeader).matches()) {
            return scheme() + "://" + hostHeader;
        }
        return scheme() + "://" + hostForUrl(local.getAddress().getHostAddress()) + ":" + local.getPort();
    }

    /** The host an encoder pushes to, for a client that reached this server at {@code baseUrl}. */
    String pushHost(String baseUrl) {
        String reached;
        try {
            reached = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            reached = null;
        }
        return PushAddress.encoderHost(ingestBind, reached == null ? "localhost" : reached);
    }

    /** An address as the host part of a URL: IPv6 in brackets, a wildcard as loopback. */
    public static String hostForUrl(String bindAddress) {
        if (bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }
}
