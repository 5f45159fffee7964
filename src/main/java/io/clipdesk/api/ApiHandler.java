package io.clipdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Clock;

/**
 * The server's single entry: checks the key on /streaming/..., routes, turns any failure into an error
 * response through {@link ErrorMapper}, and writes the access log line.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final String KEY_HELP = "send the header 'Authorization: APIKey <key>'; the key was printed "
            + "when the server first started and is kept in the file api-key in its data dir.";

    private final Router router;
    private final ErrorMapper errors;
    private final AccessLog accessLog;
    private final ApiKey key;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String configuredBase;
    private final String fallbackBase;

    ApiHandler(Router router, ErrorMapper errors, AccessLog accessLog, ApiKey key, ObjectMapper mapper, Clock clock,
               String configuredBase, String fallbackBase) {
        this.router = router;
        this.errors = errors;
        this.accessLog = accessLog;
        this.key = key;
        this.mapper = mapper;
        this.clock = clock;
        this.configuredBase = configuredBase;
        this.fallbackBase = fallbackBase;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long startNanos = System.nanoTime();
        ApiExchange ex = new ApiExchange(exchange, mapper, configuredBase, fallbackBase);
        try {
            authorize(ex);
            router.dispatch(ex);
        } catch (Throwable failure) {
            answer(ex, failure);
        } finally {
            exchange.close();
            accessLog.record(ex, clock.millis(), System.nanoTime() - startNanos);
        }
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
            return;
        }
        try {
            errors.send(ex, failure);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error response: " + e);
        }
    }
}
