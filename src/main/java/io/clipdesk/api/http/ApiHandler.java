package io.clipdesk.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.api.auth.ApiKey;
import io.netty.handler.codec.http.HttpHeaderNames;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AsciiString;
import io.netty.handler.codec.http.FullHttpRequest;
import java.time.Clock;
import java.util.function.Function;

/**
 * The server's single entry: checks the key on /streaming/..., routes, turns any failure into an error
 * response through {@link ErrorMapper}, and writes the access log line once the response is sent.
 */
public final class ApiHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final String KEY_HELP = "send the header 'Authorization: APIKey <key>'; the key was printed "
            + "when the server first started and is kept in the file api-key in its data dir.";

    private static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");

    private final Router router;
    private final ErrorMapper errors;
    private final AccessLog accessLog;
    private final ApiKey key;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpDate date;
    private final Addressing addressing;
    private final Function<ApiExchange, Route.Action> resolvedMedia;

    public ApiHandler(Router router, ErrorMapper errors, AccessLog accessLog, ApiKey key, ObjectMapper mapper, Clock clock,
                      Addressing addressing, Function<ApiExchange, Route.Action> resolvedMedia) {
        this.router = router;
        this.errors = errors;
        this.accessLog = accessLog;
        this.key = key;
        this.mapper = mapper;
        this.clock = clock;
        this.date = new HttpDate(clock);
        this.addressing = addressing;
        this.resolvedMedia = resolvedMedia;
    }

    public ApiExchange exchange(ChannelHandlerContext ctx, FullHttpRequest request) {
        return new ApiExchange(ctx, request, mapper, addressing);
    }

    /**
     * Whether {@link #handle} can run on an event loop for this request: media already resolved, which it answers
     * without routing and without waiting on the database.
     */
    public boolean cannotBlock(ApiExchange ex) {
        if (!ex.isWellFormed()) {
            return false;
        }
        Route.Action action = resolvedMedia.apply(ex);
        ex.route(action);
        return action != null;
    }

    /** Answers the request; the future completes when the response has been sent (or the connection cut). */
    public ChannelFuture handle(ApiExchange ex) {
        long startNanos = System.nanoTime();
        // RFC 9110 §6.6.1: caches age a response from its Date; the engine's clock is the one time source.
        ex.responseHeaders().set(HttpHeaderNames.DATE, date.now());
        // Media and JSON are exactly what their Content-Type says; a browser must not guess otherwise.
        ex.responseHeaders().set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        try {
            ex.requireWellFormed();
            authorize(ex);
            Route.Action known = ex.route();
            if (known != null) {
                known.handle(ex);
            } else {
                router.dispatch(ex);
            }
            if (!ex.responseStarted()) {
                throw new IllegalStateException("no response written for " + ex.method() + " " + ex.path());
            }
        } catch (Throwable failure) {
            answer(ex, failure);
        }
        ChannelFuture sent = ex.sent();
        sent.addListener(done -> accessLog.record(ex, clock.millis(), System.nanoTime() - startNanos));
        return sent;
    }

    private void authorize(ApiExchange ex) {
        if (!ex.path().startsWith("/streaming")) {
            return; // media and /health are public, like CDN links
        }
        String header = ex.requestHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw new HttpProblem(401, "An API key is required: " + KEY_HELP, "WWW-Authenticate", ApiKey.SCHEME);
        }
        if (!key.acceptsHeader(header)) {
            throw new HttpProblem(401, "The API key is not valid: " + KEY_HELP, "WWW-Authenticate", ApiKey.SCHEME);
        }
    }

    private void answer(ApiExchange ex, Throwable failure) {
        if (ex.responseStarted()) {
            // Headers are out; all we can do is cut the connection so the client sees a short response.
            LOG.log(System.Logger.Level.DEBUG, "response to " + ex.method() + " " + ex.path() + " cut short: "
                    + failure);
            ex.abort();
            return;
        }
        try {
            errors.send(ex, failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error response: " + e);
            ex.abort();
        }
    }
}
