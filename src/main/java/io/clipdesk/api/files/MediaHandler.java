package io.clipdesk.api.files;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaFiles;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clip, video and live media: /rec/{stream}/{file}, /videos/{id}_{key}/{file}, /live/{id}_{key}/{file}, and
 * API.md's live edge by plain stream id, /live/{stream}/index.m3u8 and its segments.
 * No key needed (the ids are unguessable, as a CDN link). Path parameters must match plain names exactly,
 * so anything percent-encoded, with dots, backslashes or extra segments never reaches the engine: 404.
 */
public final class MediaHandler {

    private static final String NAME = "([a-z0-9_]{1,80}\\.(?:m3u8|ts|mp4|jpg))";
    private static final String KEYED = "([0-9]{1,18}_[a-z0-9]{12})";
    static final String REC = "/rec/([0-9]{1,18})/" + NAME;
    static final String VIDEOS = "/videos/" + KEYED + "/" + NAME;
    static final String LIVE = "/live/" + KEYED + "/" + NAME;
    static final String LIVE_EDGE = "/live/([0-9]{1,18})/" + NAME;
    private static final long MAX_AGE_S = 86_400;
    private static final long LIVE_SEGMENT_MAX_AGE_S = 60;
    private static final String NO_STORE = "no-cache, no-store";
    // Headers of every media response as pre-encoded ASCII: no per-request hashing and encoding of the same text.
    private static final AsciiString ANY_ORIGIN = AsciiString.cached("*");
    private static final AsciiString EXPOSED = AsciiString.cached(
            "Content-Length, Content-Range, Accept-Ranges, Retry-After");
    private static final Pattern LIVE_NEXT = Pattern.compile("(media_[0-9]+_[0-9]+)_next\\.ts");
    private static final long NEXT_POLL_MS = 20;
    private static final int STREAM_CHUNK_BYTES = 64 * 1024;

    private final MediaFiles media;
    private final Clock clock;
    private final MediaSender sender;
    private final ResolvedMedia resolved = new ResolvedMedia();

    public MediaHandler(MediaFiles media, Clock clock, MediaSender sender) {
        this.media = media;
        this.clock = clock;
        this.sender = sender;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (String method : List.of("GET", "HEAD")) {
            routes.add(Route.of(method, REC, this::clip));
            routes.add(Route.of(method, VIDEOS, this::video));
            routes.add(Route.of(method, LIVE, this::live));
            routes.add(Route.of(method, LIVE_EDGE, this::liveEdge));
        }
        for (String path : List.of(REC, VIDEOS, LIVE, LIVE_EDGE)) {
            routes.add(Route.of("OPTIONS", path, this::preflight));
        }
        return routes;
    }

    /**
     * How to answer a GET or HEAD of a media file the engine has already resolved and that is kept open: reading only
     * memory and the open file — never the database, no file to open — so it may run on an event loop, and without
     * routing (its answer knows what its route would do). Null for any other request.
     */
    public Route.Action resolvedAction(ApiExchange ex) {
        if (!ex.isHead() && !ex.method().equals("GET")) {
            return null;
        }
        String key = keyOf(ex.path());
        ResolvedMedia.Answer answer = resolved.known(key, clock.millis());
        if (answer == null || !sender.opensNothing(answer.content())) {
            return null; // routed on the handler pool, which opens the file and keeps it open for the next requests
        }
        return exchange -> sendKnown(exchange, key, answer);
    }

    /** The media's key in {@link ResolvedMedia}: its path without the leading slash. */
    private static String keyOf(String path) {
        return path.substring(1);
    }

    private void clip(ApiExchange ex) throws IOException {
        long streamId = ex.longParam(0);
        String fileName = ex.param(1);
        // A finished clip's files never change until it expires; its Cache-Control runs out then too.
        serve(ex, keyOf(ex.path()), () -> media.clip(streamId, fileName),
                content -> ((MediaContent.FileContent) content).validUntilMs(),
                (answer, nowMs) -> clipCacheControl(answer.validUntilMs() - nowMs));
    }

    private void video(ApiExchange ex) throws IOException {
        String pathKey = ex.param(0);
        String fileName = ex.param(1);
        serve(ex, keyOf(ex.path()), () -> media.video(pathKey, fileName),
                content -> Long.MAX_VALUE, (answer, nowMs) -> "public, max-age=" + MAX_AGE_S);
    }

    private void live(ApiExchange ex) throws IOException {
        String liveKey = ex.param(0);
        String fileName = ex.param(1);
        Matcher next = LIVE_NEXT.matcher(fileName);
        if (next.matches()) {
            liveNext(ex, liveKey, next.group(1));
            return;
        }
        serve(ex, keyOf(ex.path()), () -> media.live(liveKey, fileName),
                content -> Long.MAX_VALUE, (answer, nowMs) -> "public, max-age=" + LIVE_SEGMENT_MAX_AGE_S);
    }

    private void liveEdge(ApiExchange ex) throws IOException {
        long streamId = ex.longParam(0);
        String fileName = ex.param(1);
        serve(ex, keyOf(ex.path()), () -> media.liveEdge(streamId, fileName), content -> Long.MAX_VALUE,
                (answer, nowMs) -> NO_STORE);
    }

    /**
     * (ext) The segment being written, streamed chunked as the muxer flushes it (about every picture), so a
     * client's live edge need not wait for whole segments: the one that starts after {@code ?after=} (epoch ms,
     * the start of the one the client has), waited for up to two segment durations; its start is in
     * {@code X-Segment-Start-Ms}. The body ends where the segment ends; a segment the engine drops ends the
     * connection without a last chunk. Once it ends, the DVR playlist lists it (same bytes).
     */
    private void liveNext(ApiExchange ex, String liveKey, String rendition) {
        long after = ex.query().optionalLong("after", "a Unix time in ms", 0, WireTime.MAX_UNIX_MS).orElse(Long.MIN_VALUE);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2L * media.segmentDurationMs());
        Optional<LiveSegment> live = media.liveSegment(liveKey, rendition).filter(s -> s.startMs() > after);
        while (live.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(NEXT_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            live = media.liveSegment(liveKey, rendition).filter(s -> s.startMs() > after);
        }
        if (live.isEmpty()) {
            throw new NotFoundException("no segment is being written after " + after);
        }
        LiveSegment segment = live.get();
        cors(ex.responseHeaders());
        ex.responseHeaders().set("Cache-Control", NO_STORE);
        ex.responseHeaders().set("X-Segment-Start-Ms", Long.toString(segment.startMs()));
        ex.startStream("video/mp2t");
        if (ex.isHead()) {
            ex.endStream();
            return;
        }
        Thread writer = new Thread(() -> streamLive(ex, segment), "live-segment-" + liveKey);
        writer.setDaemon(true);
        writer.start();
    }

    /** Its own thread: hands the segment's bytes on as they come, then ends the response as the segment ended. */
    private static void streamLive(ApiExchange ex, LiveSegment segment) {
        byte[] chunk = new byte[STREAM_CHUNK_BYTES];
        int position = 0;
        try {
            while (ex.isOpen()) {
                int n = segment.read(position, chunk, 0, chunk.length, NEXT_POLL_MS * 50);
                if (n < 0) {
                    if (segment.finished().isPresent()) {
                        ex.endStream();
                    } else {
                        ex.abort(); // dropped: the client must not take what came for a whole segment
                    }
                    return;
                }
                if (n > 0) {
                    ex.stream(Unpooled.copiedBuffer(chunk, 0, n));
                    position += n;
                }
            }
        } catch (InterruptedException e) {
            ex.abort();
        }
    }

    private void serve(ApiExchange ex, String key, Supplier<MediaContent> ask, ToLongFunction<MediaContent> validUntil,
                       ResolvedMedia.CachePolicy immutablePolicy) throws IOException {
        cors(ex.responseHeaders()); // on errors too (a 425 tells a player when to come back)
        long nowMs = clock.millis();
        send(ex, key, resolved.resolve(key, nowMs, ask, validUntil, immutablePolicy), nowMs);
    }

    private void sendKnown(ApiExchange ex, String key, ResolvedMedia.Answer answer) throws IOException {
        cors(ex.responseHeaders());
        send(ex, key, answer, clock.millis());
    }

    private void send(ApiExchange ex, String key, ResolvedMedia.Answer answer, long nowMs) throws IOException {
        MediaContent content = answer.content();
        String cacheControl = content.immutable() ? answer.cachePolicy().cacheControl(answer, nowMs) : NO_STORE;
        try {
            sender.send(ex, content, cacheControl);
        } catch (NotFoundException gone) {
            resolved.forget(key);
            throw gone;
        }
    }

    private void preflight(ApiExchange ex) throws IOException {
        HttpHeaders headers = ex.responseHeaders();
        cors(headers);
        headers.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        headers.set("Access-Control-Allow-Headers", "Range");
        headers.set("Access-Control-Max-Age", "86400");
        ex.sendNoContent();
    }

    /** A finished clip may be cached until it expires, and never longer than a day. */
    private static String clipCacheControl(long leftMs) {
        long leftS = leftMs / 1000;
        return leftS <= 0 ? NO_STORE : "public, max-age=" + Math.min(leftS, MAX_AGE_S);
    }

    private static void cors(HttpHeaders headers) {
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN);
        headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }
}
