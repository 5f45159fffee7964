package io.clipdesk.api.health;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.engine.health.HealthReport;
import io.clipdesk.engine.health.HealthService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /health (ext, no key): {@code ok}, or {@code degraded} with the engine's problems in sentences (a full disk, a
 * stream's ingest down); how many streams, how much disk is left for the DVR.
 */
public final class HealthHandler {

    private final HealthService health;

    public HealthHandler(HealthService health) {
        this.health = health;
    }

    public List<Route> routes() {
        return List.of(Route.of("GET", "/health", this::health));
    }

    private void health(ApiExchange ex) {
        HealthReport report = health.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ok() ? "ok" : "degraded");
        body.put("streams", report.streams());
        body.put("disk_free_bytes", report.disk().freeBytes());
        if (!report.ok()) {
            body.put("problems", report.problems());
        }
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.sendJson(200, body);
    }
}
