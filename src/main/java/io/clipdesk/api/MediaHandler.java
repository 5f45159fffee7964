package io.clipdesk.api;

import com.sun.net.httpserver.Headers;
import io.clipdesk.engine.ClipService;
import io.clipdesk.engine.MediaContent;
import io.clipdesk.engine.MediaFiles;
import io.clipdesk.engine.MediaPaths;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clip, video and live media: /rec/{stream}/{file}, /videos/{id}_{key}/{file}, /live/{id}_{key}/{file}.
 * No key needed (the ids are unguessable, as a CDN link). Path parameters must match plain names exactly,
 * so anything percent-encoded, with dots, backslashes or extra segments never reaches the engine: 404.
 */
final class MediaHandler {

    private static final String NAME = "([a-z0-9_]{1,80}\\.(?:m3u8|ts|mp4|jpg))";
    private static final String KEYED = "([0-9]{1,18}_[a-z0-9]{12})";
    static final String REC = "/rec/([0-9]{1,18})/" + NAME;
    static final String VIDEOS = "/videos/" + KEYED + "/" + NAME;
    static final String LIVE = "/live/" + KEYED + "/" + NAME;
    private static final long MAX_AGE_S = 86_400;
    private static final long LIVE_SEGMENT_MAX_AGE_S = 60;
    private static final int EXPIRY_CACHE_LIMIT = 4096;

    private final MediaFiles media;
    private final ClipService clips;
    private final Clock clock;
    private final MediaSender sender;
    /** Clip id → expiration (Unix s), for Cache-Control; an expiration never changes once set. */
    private final Map<String, Long> expirations = new ConcurrentHashMap<>();

    MediaHandler(MediaFiles media, ClipService clips, Clock clock, MediaSender sender) {
        this.media = media;
        this.clips = clips;
        this.clock = clock;
        this.sender = sender;
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (String method : List.of("GET", "HEAD")) {
            routes.add(Route.of(method, REC, this::clip));
            routes.add(Route.of(method, VIDEOS, this::video));
            routes.add(Route.of(method, LIVE, this::live));
        }
        for (String path : List.of(REC, VIDEOS, LIVE)) {
            routes.add(Route.of("OPTIONS", path, this::preflight));
        }
        return routes;
    }

    private void clip(ApiExchange ex) throws IOException {
        cors(ex.responseHeaders());
        String fileName = ex.param(1);
        MediaContent content = media.clip(ex.longParam(0), fileName);
        String cache = content.immutable()
                ? MediaPaths.clipIdOf(fileName).map(this::clipCacheControl).orElse("no-cache")
                : "no-cache, no-store";
        sender.send(ex, content, cache);
    }

    private void video(ApiExchange ex) throws IOException {
        cors(ex.responseHeaders());
        MediaContent content = media.video(ex.param(0), ex.param(1));
        sender.send(ex, content, content.immutable() ? "public, max-age=" + MAX_AGE_S : "no-cache, no-store");
    }

    private void live(ApiExchange ex) throws IOException {
        cors(ex.responseHeaders());
        MediaContent content = media.live(ex.param(0), ex.param(1));
        sender.send(ex, content, content.immutable()
                ? "public, max-age=" + LIVE_SEGMENT_MAX_AGE_S : "no-cache, no-store");
    }

    private void preflight(ApiExchange ex) throws IOException {
        Headers headers = ex.responseHeaders();
        cors(headers);
        headers.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        headers.set("Access-Control-Allow-Headers", "Range");
        headers.set("Access-Control-Max-Age", "86400");
        ex.sendNoContent();
    }

    /** A finished clip may be cached until it expires, and never longer than a day. */
    private String clipCacheControl(String clipId) {
        Long expirationS = expirations.get(clipId);
        if (expirationS == null) {
            expirationS = clips.get(clipId).expirationS();
            if (expirations.size() >= EXPIRY_CACHE_LIMIT) {
                expirations.clear();
            }
            expirations.put(clipId, expirationS);
        }
        long leftS = expirationS - Math.floorDiv(clock.millis(), 1000);
        return leftS <= 0 ? "no-cache, no-store" : "public, max-age=" + Math.min(leftS, MAX_AGE_S);
    }

    private static void cors(Headers headers) {
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges, Retry-After");
    }
}
