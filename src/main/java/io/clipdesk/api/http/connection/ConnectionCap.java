package io.clipdesk.api.http.connection;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.AbstractRemoteAddressFilter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} open connections per remote address; one over is closed as soon as it is accepted, before
 * a byte is read (Netty's address filter, counting like its {@code UniqueIpFilter} with a limit above one). The
 * first refusal for an address is logged; the next once its connections have all closed.
 */
@ChannelHandler.Sharable
final class ConnectionCap extends AbstractRemoteAddressFilter<InetSocketAddress> {

    private static final System.Logger LOG = System.getLogger(ConnectionCap.class.getName());

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, Boolean> warned = new ConcurrentHashMap<>();

    ConnectionCap(int max) {
        this.max = max;
    }

    @Override
    protected boolean accept(ChannelHandlerContext ctx, InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        boolean[] admitted = new boolean[1];
        open.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < max;
            return admitted[0] ? now + 1 : now;
        });
        if (!admitted[0]) {
            if (warned.putIfAbsent(address, Boolean.TRUE) == null) {
                LOG.log(System.Logger.Level.WARNING, "refusing connections from " + address.getHostAddress()
                        + ": it already holds " + max + " (the most one address may hold)");
            }
            return false;
        }
        ctx.channel().closeFuture().addListener(closed -> release(address));
        return true;
    }

    private void release(InetAddress address) {
        Integer left = open.computeIfPresent(address, (a, count) -> count > 1 ? count - 1 : null);
        if (left == null) {
            warned.remove(address);
        }
    }
}
