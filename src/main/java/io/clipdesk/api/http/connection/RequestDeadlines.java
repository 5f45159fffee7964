package io.clipdesk.api.http.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's read deadlines ({@link ConnectionLimits}): the head of a request must be complete within the
 * header timeout of its first byte (of the connection's opening, for the first request), its body within the
 * body timeout of the head, and a connection with nothing to answer hears from its client within the idle
 * timeout. A deadline is total, not reset by every byte as Netty's {@code ReadTimeoutHandler} is, so a client
 * trickling one byte at a time does not hold the connection either. Two handlers share the state: one before
 * the HTTP codec sees the first raw byte of a request, one after it sees decoded heads, ends of bodies and the
 * ends of responses. Everything runs on the connection's event loop.
 */
public final class RequestDeadlines {

    private static final System.Logger LOG = System.getLogger(RequestDeadlines.class.getName());

    private enum Phase {
        /** Nothing to answer, nothing half-received: waiting for the client's next request. */
        IDLE,
        /** Part of a request head has arrived (or the connection just opened). */
        HEAD,
        /** The head is in; the body is arriving. */
        BODY,
        /** Every received request is complete; the server's turn: no read deadline. */
        ANSWERING
    }

    private final ConnectionLimits limits;
    private ChannelHandlerContext context;
    private Phase phase = Phase.HEAD;
    private int unanswered;
    private long deadlineNanos = Long.MAX_VALUE;
    private ScheduledFuture<?> timer;
    private long timerAtNanos = Long.MAX_VALUE;

    RequestDeadlines(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Goes before the HTTP codec: the first byte after a quiet spell starts the header deadline. */
    ChannelHandler wire() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                context = ctx;
                enter(Phase.HEAD, limits.headerTimeoutMs());
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (phase == Phase.IDLE && message instanceof ByteBuf bytes && bytes.isReadable()) {
                    enter(Phase.HEAD, limits.headerTimeoutMs());
                }
                ctx.fireChannelRead(message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
    }

    /** Goes after the HTTP codec: heads, ends of requests, and ends of responses move the phase on. */
    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (message instanceof HttpRequest) {
                    unanswered++;
                    enter(Phase.BODY, limits.bodyTimeoutMs());
                }
                if (message instanceof LastHttpContent && phase == Phase.BODY) {
                    // An answer can go before the body has all come (a refused expectation): then it is idle time.
                    if (unanswered > 0) {
                        enter(Phase.ANSWERING, 0);
                    } else {
                        enter(Phase.IDLE, limits.idleTimeoutMs());
                    }
                }
                ctx.fireChannelRead(message);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
                boolean informational = message instanceof HttpResponse response
                        && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                if (!(message instanceof LastHttpContent) || informational) {
                    ctx.write(message, promise);
                    return;
                }
                ChannelPromise sent = promise.unvoid();
                ctx.write(message, sent);
                sent.addListener(done -> answered());
            }
        };
    }

    private void answered() {
        unanswered = Math.max(0, unanswered - 1);
        if (unanswered == 0 && phase == Phase.ANSWERING) {
            enter(Phase.IDLE, limits.idleTimeoutMs());
        }
    }

    /** Moves to {@code next} with a deadline {@code timeoutMs} from now (none for 0). */
    private void enter(Phase next, long timeoutMs) {
        phase = next;
        if (timeoutMs == 0) {
            deadlineNanos = Long.MAX_VALUE;
            return;
        }
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        // A response finishing after the connection closed needs no timer.
        if (deadlineNanos < timerAtNanos && context.channel().isActive()) {
            disarm();
            schedule(deadlineNanos);
        }
    }

    private void schedule(long atNanos) {
        timerAtNanos = atNanos;
        timer = context.executor().schedule(this::check, Math.max(0, atNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerAtNanos = Long.MAX_VALUE;
    }

    /** The timer fired: close if the deadline has passed; a deadline moved later is waited for again. */
    private void check() {
        timer = null;
        timerAtNanos = Long.MAX_VALUE;
        if (!context.channel().isActive() || deadlineNanos == Long.MAX_VALUE) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineNanos < 0) {
            schedule(deadlineNanos);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "closing " + context.channel().remoteAddress() + ": "
                + switch (phase) {
                    case HEAD -> "request head not complete in " + limits.headerTimeoutMs() + " ms";
                    case BODY -> "request body not complete in " + limits.bodyTimeoutMs() + " ms";
                    default -> "idle for " + limits.idleTimeoutMs() + " ms";
                });
        context.close();
    }
}
