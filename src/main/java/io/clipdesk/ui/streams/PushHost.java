package io.clipdesk.ui.streams;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The host an encoder on another machine pushes to. Push listeners take connections on every interface, so the
 * URL needs an address other machines can reach: the one the engine's API was bound to when that is a real
 * interface address, else this machine's LAN address (a private IPv4 on a physical interface first), and only
 * when there is none, 127.0.0.1 (an encoder on this machine still works).
 */
public final class PushHost {

    public static final String LOOPBACK = "127.0.0.1";
    /** Interfaces of containers, VMs and bridges: reachable from this machine only. */
    private static final List<String> VIRTUAL_PREFIXES = List.of("docker", "br-", "veth", "virbr", "vmnet", "lxc",
            "lxd", "cni", "flannel", "podman", "tun", "tap", "wg", "zt");

    private PushHost() {
    }

    /**
     * Reads the machine's interfaces: call it off the FX thread.
     *
     * @param engineAddress the engine's base URL or "embedded"
     */
    public static String forEngine(String engineAddress) {
        String bound = boundHost(engineAddress);
        return bound != null ? bound : choose(lanCandidates());
    }

    /** The API's host when it names one address other machines can reach (not loopback, not a wildcard). */
    static String boundHost(String engineAddress) {
        try {
            String host = URI.create(engineAddress).getHost();
            if (host == null || host.isEmpty()) {
                return null;
            }
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (bare.equalsIgnoreCase("localhost")) {
                return null;
            }
            if (!bare.matches("[0-9.]+|.*:.*")) {
                return bare; // a name the API was published under: other machines resolve it
            }
            InetAddress address = InetAddress.getByName(bare); // a literal: parsed, never looked up
            return address.isLoopbackAddress() || address.isAnyLocalAddress() ? null : bare;
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return null;
        }
    }

    /** The best of the candidates: a private (site-local) IPv4, then another IPv4, then a global IPv6, else loopback. */
    static String choose(List<InetAddress> candidates) {
        InetAddress best = null;
        int bestRank = Integer.MAX_VALUE;
        for (InetAddress a : candidates) {
            int rank = rank(a);
            if (rank < bestRank) {
                best = a;
                bestRank = rank;
            }
        }
        return best == null ? LOOPBACK : best.getHostAddress().replaceFirst("%.*$", "");
    }

    private static int rank(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return Integer.MAX_VALUE;
        }
        if (a instanceof Inet4Address) {
            return a.isSiteLocalAddress() ? 0 : 1;
        }
        return 2;
    }

    private static List<InetAddress> lanCandidates() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && !nic.isPointToPoint() && physical(nic)) {
                    found.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // No interface list: fall back to loopback.
        }
        return found;
    }

    private static boolean physical(NetworkInterface nic) {
        String name = nic.getName().toLowerCase(Locale.ROOT);
        return VIRTUAL_PREFIXES.stream().noneMatch(name::startsWith);
    }
}
