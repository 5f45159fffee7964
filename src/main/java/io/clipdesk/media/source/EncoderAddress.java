package io.clipdesk.media.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the encoder connected to one of our listening ports is. FFmpeg accepts without keeping the peer's
 * address, so it is read from the kernel's IPv4 connection table (/proc/net/tcp, whatever address the listener binds):
 * the established connection whose local port is the listener's. FFmpeg closes its listening socket once it has
 * accepted, so there is one such connection while an encoder talks to the listener.
 */
final class EncoderAddress {

    private static final Path TABLE = Path.of("/proc/net/tcp");
    private static final String ESTABLISHED = "01";

    private EncoderAddress() {
    }

    /** The peer's IPv4 address; empty when the table cannot be read or does not name exactly one peer. */
    static Optional<String> onPort(int localPort) {
        try {
            List<String> peers = Files.readAllLines(TABLE).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(f -> f.length > 3 && ESTABLISHED.equals(f[3]) && port(f[1]) == localPort)
                    .map(f -> ipv4(f[2]))
                    .distinct().toList();
            return peers.size() == 1 ? Optional.of(peers.get(0)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "0100007F:0F8F" → 3983. */
    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    /** "0100007F:0F8F" → "127.0.0.1" (the kernel prints the address as a host-order, little-endian word). */
    private static String ipv4(String hexAddress) {
        long word = Long.parseLong(hexAddress.substring(0, hexAddress.indexOf(':')), 16);
        return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
    }
}
