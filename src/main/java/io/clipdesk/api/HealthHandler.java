package io.clipdesk.api;

import io.clipdesk.engine.StreamService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /health (ext, no key): is the server up, how many streams, how much disk is left for the DVR. */
final class HealthHandler {

    private final StreamService streams;
    private final Path dataDir;

    HealthHandler(StreamService streams, Path dataDir) {
        this.streams = streams;
        this.dataDir = dataDir;
    }

    List<Route> routes() {
        return List.of(Route.of("GET", "/health", this::health));
    }

    private void health(ApiExchange ex) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("streams", streams.list().size());
        body.put("disk_free_bytes", Files.getFileStore(dataDir).getUsableSpace());
        ex.responseHeaders().set("Cache-Control", "no-store");
        ex.sendJson(200, body);
    }
}
