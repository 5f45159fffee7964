package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullAddressesTest {

    /** A DNS whose answers the test writes; other names do not resolve. */
    private static PullAddresses.Resolver dns(Map<String, String[]> answers) {
        return host -> {
            String[] addresses = answers.get(host);
            if (addresses == null) {
                if (host.contains(":") || host.matches("[0-9.]+")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        };
    }

    private static String refusal(String url, PullAddresses.Resolver resolver) {
        return PullAddresses.refusal(URI.create(url), resolver).orElse("allowed");
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        PullAddresses.Resolver dns = dns(Map.of("encoder.lan", new String[] {"10.0.0.5"},
                "sneaky.example", new String[] {"10.0.0.5", "169.254.169.254"},
                "v6.example", new String[] {"64:ff9b::a9fe:a9fe"}));
        assertEquals("allowed", refusal("http://encoder.lan/live.m3u8", dns));
        assertEquals("sneaky.example resolves to 169.254.169.254, a link-local address (169.254.0.0/16, fe80::/10, "
                + "where cloud metadata services answer); a pull reaches only unicast addresses (public, private or "
                + "loopback)", refusal("http://sneaky.example/live.m3u8", dns));
        assertTrue(refusal("http://v6.example/live.m3u8", dns).startsWith("v6.example resolves to "
                + "64:ff9b:0:0:0:0:a9fe:a9fe, a link-local address"), "NAT64 leads to the IPv4 inside");
        assertEquals("allowed", refusal("http://unknown.example/live.m3u8", dns), "unreachable is not forbidden");
    }

    @Test
    void unicastAddresses_publicPrivateAndLoopback_areAllowed() {
        PullAddresses.Resolver literal = dns(Map.of());
        for (String host : new String[] {"127.0.0.1", "127.5.5.5", "10.1.2.3", "172.16.0.9", "192.168.0.10",
                "100.64.1.2", "203.0.113.7", "[::1]", "[fd12::7]", "[2001:db8::5]"}) {
            assertEquals("allowed", refusal("http://" + host + ":8080/a.m3u8", literal), host);
        }
    }

    @Test
    void linkLocalMulticastUnspecifiedBroadcastAndMetadata_areRefused() {
        PullAddresses.Resolver literal = dns(Map.of());
        String[][] cases = {
                {"169.254.169.254", "a link-local address"}, {"[fe80::1]", "a link-local address"},
                {"[::169.254.0.1]", "a link-local address"}, {"224.0.0.251", "a multicast address"},
                {"239.1.2.3", "a multicast address"}, {"[ff05::2]", "a multicast address"},
                {"0.0.0.0", "an unspecified address"}, {"0.1.2.3", "an unspecified address"},
                {"[::]", "an unspecified address"}, {"255.255.255.255", "the broadcast address"},
                {"[fd00:ec2::254]", "a cloud metadata address"}, {"100.100.100.200", "a cloud metadata address"}};
        for (String[] c : cases) {
            assertTrue(refusal("http://" + c[0] + "/a.m3u8", literal).contains(" is " + c[1]),
                    c[0] + ": " + refusal("http://" + c[0] + "/a.m3u8", literal));
        }
        assertEquals("ftp://127.0.0.1/a.m3u8 is not an http:// or https:// URL", refusal("ftp://127.0.0.1/a.m3u8",
                literal));
    }

    @Test
    void sourceRules_refuseAPullUrlOnARefusedAddress_andIgnoreOtherKinds() {
        PullAddresses.Resolver dns = dns(Map.of("meta.example", new String[] {"169.254.169.254"}));
        var e = assertThrows(InvalidRequestException.class, () -> SourceRules.checkPullAddress(
                new SourceSpec(SourceKind.HLS_PULL, "http://meta.example/a.m3u8"), dns));
        assertTrue(e.getMessage().startsWith("pull_url is refused: meta.example resolves to 169.254.169.254"),
                e.getMessage());
        SourceRules.checkPullAddress(PushAddress.rtmp(1935).spec(), dns);
        SourceRules.checkPullAddress(new SourceSpec(SourceKind.HLS_PULL, "http://bad host/x"), dns);
    }
}
