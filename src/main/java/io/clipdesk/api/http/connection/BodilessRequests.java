package io.clipdesk.api.http.connection;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Makes a request that has no body (every media GET) whole at once: the head and the empty end the parser passes
 * separately become one {@link FullHttpRequest}, which the body aggregator lets through instead of building a
 * composite buffer for nothing. Requests with a body, a chunked or expecting one, or a head the parser refused,
 * pass on untouched. One instance per connection, used on its event loop only.
 */
final class BodilessRequests extends ChannelInboundHandlerAdapter {

    /** A bodiless head waiting for its end. */
    private HttpRequest head;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (head == null) {
            if (message instanceof HttpRequest request && !(message instanceof HttpContent) && isBodiless(request)) {
                head = request;
                return;
            }
            ctx.fireChannelRead(message);
            return;
        }
        HttpRequest request = head;
        head = null;
        if (message instanceof LastHttpContent end && !end.content().isReadable() && end.trailingHeaders().isEmpty()
                && end.decoderResult().isSuccess()) {
            end.release();
            ctx.fireChannelRead(new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE));
        } else {
            ctx.fireChannelRead(request);
            ctx.fireChannelRead(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        HttpRequest waiting = head;
        head = null;
        if (waiting != null) {
            ctx.fireChannelRead(waiting); // as it would have gone without this handler: the aggregator sees it cut
        }
        ctx.fireChannelInactive();
    }

    private static boolean isBodiless(HttpRequest request) {
        HttpHeaders headers = request.headers();
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        return request.decoderResult().isSuccess() && (length == null || length.equals("0"))
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING) && !headers.contains(HttpHeaderNames.EXPECT);
    }
}
