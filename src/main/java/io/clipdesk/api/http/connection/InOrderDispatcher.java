package io.clipdesk.api.http.connection;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.ApiHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's requests on the handler pool one at a time, in arrival order: a client that
 * pipelines gets its responses in the order it asked (RFC 9112 §9.3.2), and a slow database call never
 * blocks the event loop other connections share. One instance per connection; its state is touched only
 * on that connection's event loop.
 */
final class InOrderDispatcher extends ChannelInboundHandlerAdapter {

    /** Pipelined requests held before the connection stops reading more. */
    private static final int MAX_WAITING = 16;
    private static final System.Logger LOG = System.getLogger(InOrderDispatcher.class.getName());

    private final ApiHandler handler;
    private final Executor pool;
    private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    InOrderDispatcher(ApiHandler handler, Executor pool) {
        this.handler = handler;
        this.pool = pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (busy) {
            waiting.add(request);
            if (waiting.size() >= MAX_WAITING) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        run(ctx, request);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets, broken pipes and bodies cut short (by the client or by a deadline): nothing to answer, nothing to
        // log loudly.
        boolean wentAway = cause instanceof IOException || cause instanceof PrematureChannelClosureException;
        LOG.log(wentAway ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                "connection " + ctx.channel().remoteAddress() + " closed: " + cause);
        ctx.close();
    }

    private void run(ChannelHandlerContext ctx, FullHttpRequest request) {
        busy = true;
        ApiExchange exchange = handler.exchange(ctx, request);
        if (handler.cannotBlock(exchange)) {
            // Already-resolved media, the bulk of the traffic: answered here, like a static file server would.
            answer(exchange, request).addListener(done -> next(ctx));
            return;
        }
        try {
            // A channel future's listeners run on the channel's event loop, where this handler's state lives.
            pool.execute(() -> answer(exchange, request).addListener(done -> next(ctx)));
        } catch (RejectedExecutionException stopping) {
            request.release();
            ctx.close();
        }
    }

    private ChannelFuture answer(ApiExchange exchange, FullHttpRequest request) {
        try {
            return handler.handle(exchange);
        } finally {
            request.release();
        }
    }

    private void next(ChannelHandlerContext ctx) {
        busy = false;
        FullHttpRequest request = waiting.poll();
        if (request != null) {
            run(ctx, request);
        } else if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }
}
