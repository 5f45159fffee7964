package io.clipdesk.api.http.connection;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.ApiHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;

import java.util.concurrent.Executor;

/**
 * What every connection runs through: the per-address cap ({@link ConnectionCap}), TLS if configured, read deadlines
 * ({@link RequestDeadlines}), HTTP/1.1 parsing (8 KiB request line and headers), files' heads sent in their first
 * packet ({@link ResponseCork}, plain HTTP on epoll), keep-alive, the {@code Expect}
 * header ({@link ExpectationGuard}), bodiless requests made whole ({@link BodilessRequests}), the request body
 * gathered up to {@link ApiExchange#MAX_BODY_BYTES}, then
 * {@link InOrderDispatcher}.
 */
public final class HttpPipeline extends ChannelInitializer<SocketChannel> {

    private static final int MAX_LINE_BYTES = 8192;
    private static final int MAX_HEADER_BYTES = 8192;

    private final ApiHandler handler;
    private final Executor pool;
    private final ConnectionLimits limits;
    private final ConnectionCap cap;
    private final SslContext tls;

    /** @param tls the server's TLS identity, or null for plain HTTP */
    public HttpPipeline(ApiHandler handler, Executor pool, ConnectionLimits limits, SslContext tls) {
        this.handler = handler;
        this.pool = pool;
        this.limits = limits;
        this.cap = new ConnectionCap(limits.maxConnectionsPerAddress());
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        RequestDeadlines deadlines = new RequestDeadlines(limits);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(cap);
        if (tls != null) {
            SslHandler handshake = tls.newHandler(channel.alloc());
            handshake.setHandshakeTimeoutMillis(limits.headerTimeoutMs());
            pipeline.addLast(handshake);
        }
        pipeline.addLast(deadlines.wire(), new HttpServerCodec(MAX_LINE_BYTES, MAX_HEADER_BYTES, MAX_LINE_BYTES));
        if (tls == null && ResponseCork.isUsable(channel)) {
            pipeline.addLast(new ResponseCork());
        }
        pipeline.addLast(deadlines.messages(), new HttpServerKeepAliveHandler());
        if (tls != null) {
            // Files cannot go by sendfile through TLS: they are read in chunks and encrypted (ApiExchange.sendFile).
            pipeline.addLast(new ChunkedWriteHandler());
        }
        pipeline.addLast(new ExpectationGuard(ApiExchange.MAX_BODY_BYTES), new BodilessRequests(), new BodyLimit(),
                new InOrderDispatcher(handler, pool));
    }

    /**
     * Gathers request bodies; an oversized one is passed on as a failed request so it is answered like any
     * other error (one mapper, one log line) instead of Netty's bare 413.
     */
    private static final class BodyLimit extends HttpObjectAggregator {

        BodyLimit() {
            super(ApiExchange.MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            ctx.fireChannelRead(failed((HttpRequest) oversized, new TooLongFrameException("request body too large")));
        }
    }

    /** A bodiless stand-in for a request refused before its body was read, answered from {@code cause}. */
    static FullHttpRequest failed(HttpRequest request, Throwable cause) {
        DefaultFullHttpRequest failed = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
        failed.setDecoderResult(DecoderResult.failure(cause));
        return failed;
    }
}
