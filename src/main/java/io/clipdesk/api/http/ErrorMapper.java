package io.clipdesk.api.http;

import io.clipdesk.engine.InsufficientStorageException;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.clip.ClipRejectedException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a failure becomes a response: status + {"error": sentence}. Domain messages are written for
 * people and pass through; anything unexpected becomes a 500 with a generic sentence and is logged once,
 * with its trace, here — never a trace, file path or SQL on the wire.
 */
public final class ErrorMapper {

    static final int TOO_EARLY = 425;
    static final int INSUFFICIENT_STORAGE = 507;
    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());
    private static final String INTERNAL = "The server failed to handle this request; it has been logged. "
            + "Try again, and if it keeps failing, check the server log.";

    private final Clock clock;

    public ErrorMapper(Clock clock) {
        this.clock = clock;
    }

    void send(ApiExchange exchange, Throwable failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        int status = statusOf(failure);
        body.put("error", status == 500 ? INTERNAL : failure.getMessage());
        if (failure instanceof HttpProblem problem && problem.headerName() != null) {
            exchange.responseHeaders().set(problem.headerName(), problem.headerValue());
        }
        if (failure instanceof TooEarlyException early) {
            long waitS = retryAfterSeconds(early.readyAtMs());
            long readyAtS = Math.floorDiv(early.readyAtMs() + 999, 1000);
            exchange.responseHeaders().set("Retry-After", Long.toString(waitS));
            body.put("error", "Not ready yet: " + early.getMessage() + ". Retry in " + waitS + " s.");
            body.put("ready_at", readyAtS);
        }
        if (status >= 500 && ("POST".equals(exchange.method()) || "PUT".equals(exchange.method()))) {
            // Gcore's SDKs repeat a request twice after any 5xx unless told not to; a create (a clip, a stream)
            // that failed half-way must not be made three times.
            exchange.responseHeaders().set("x-should-retry", "false");
        }
        if (status == 500) {
            LOG.log(System.Logger.Level.ERROR, exchange.method() + " " + exchange.path() + " failed", failure);
        }
        if (status >= 400 && !exchange.responseHeaders().contains("Cache-Control")) {
            exchange.responseHeaders().set("Cache-Control", "no-store");
        }
        exchange.sendJson(status, body);
    }

    static int statusOf(Throwable failure) {
        if (failure instanceof HttpProblem problem) {
            return problem.status();
        }
        if (failure instanceof ClipRejectedException rejected) {
            return rejected.rule() == ClipRejectedException.Rule.DVR_DISABLED ? 422 : 400;
        }
        if (failure instanceof InvalidRequestException) {
            return 400;
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof TooEarlyException) {
            return TOO_EARLY;
        }
        if (failure instanceof InsufficientStorageException) {
            return INSUFFICIENT_STORAGE;
        }
        return 500;
    }

    /** Seconds until ready, rounded up, at least 1 — as Retry-After wants. */
    long retryAfterSeconds(long readyAtMs) {
        long waitMs = readyAtMs - clock.millis();
        return Math.max(1, Math.floorDiv(waitMs + 999, 1000));
    }
}
