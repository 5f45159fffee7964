package io.clipdesk.engine.stream;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an HLS pull may fetch from: http:// or https:// URLs whose host is, and resolves only to, unicast
 * addresses — public, private (an encoder on the newsroom's LAN) or loopback. Refused: link-local addresses
 * (169.254.0.0/16, fe80::/10, where cloud metadata services answer), the cloud metadata addresses outside them
 * (fd00:ec2::254, 100.100.100.200), multicast (224.0.0.0/4, ff00::/8), unspecified (0.0.0.0/8, ::) and broadcast
 * (255.255.255.255) addresses, also when written as IPv4 inside IPv6 (::ffff:a.b.c.d, ::a.b.c.d,
 * 64:ff9b::a.b.c.d). Judged when a stream is given its URL and again before every request of the pull — playlist,
 * variant, segment and each redirect — since a name can resolve elsewhere later and a playlist names other hosts.
 */
public final class PullAddresses {

    /** Names to addresses: DNS in production, a fixed answer in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    private static final InetAddress[] METADATA = {address("fd00:ec2::254"), address("100.100.100.200")};
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final String ALLOWED = "a pull reaches only unicast addresses (public, private or loopback)";

    private PullAddresses() {
    }

    /** Whether {@code url} is an http:// or https:// URL with a host. */
    public static boolean isWebUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && !url.getHost().isEmpty();
    }

    /**
     * Why {@code url} may not be fetched, in a sentence; empty when it may. A host that does not resolve now is
     * not refused: it is unreachable, which the pull reports and retries.
     */
    public static Optional<String> refusal(URI url, Resolver resolver) {
        if (!isWebUrl(url)) {
            return Optional.of(MediaRoots.shortened(url.toString()) + " is not an http:// or https:// URL");
        }
        String host = url.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : resolved) {
            Optional<String> why = refusal(address);
            if (why.isPresent()) {
                // A host name never holds a colon nor only digits and dots: those are addresses as written.
                boolean literal = bare.contains(":") || bare.matches("[0-9.]+");
                return Optional.of((literal ? bare + " is " : host + " resolves to " + address.getHostAddress() + ", ")
                        + why.get() + "; " + ALLOWED);
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one address for a pull ("a link-local address (…)"), or empty for a unicast one. */
    static Optional<String> refusal(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (Arrays.asList(METADATA).contains(judged)) {
            return Optional.of("a cloud metadata address");
        }
        if (judged.isLinkLocalAddress()) {
            return Optional.of("a link-local address (169.254.0.0/16, fe80::/10, where cloud metadata services "
                    + "answer)");
        }
        if (judged.isMulticastAddress()) {
            return Optional.of("a multicast address (224.0.0.0/4, ff00::/8)");
        }
        byte[] bytes = judged.getAddress();
        if (judged.isAnyLocalAddress() || judged instanceof Inet4Address && bytes[0] == 0) {
            return Optional.of("an unspecified address (0.0.0.0/8, ::)");
        }
        if (judged instanceof Inet4Address && Arrays.equals(bytes, new byte[] {-1, -1, -1, -1})) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible or NAT64), which is where it leads. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] head = Arrays.copyOf(b, 12);
        boolean mapped = Arrays.equals(head, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1});
        boolean compatible = Arrays.equals(head, new byte[12]) && (b[12] | b[13] | b[14]) != 0;
        if (!mapped && !compatible && !Arrays.equals(head, NAT64_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
