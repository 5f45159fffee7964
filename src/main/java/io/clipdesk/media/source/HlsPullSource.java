package io.clipdesk.media.source;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PullAddresses;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.media.ingest.IngestChain;
import io.clipdesk.media.ingest.MediaInput;
import io.clipdesk.media.ingest.SourceThread;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.bytedeco.ffmpeg.global.avcodec.*;

/**
 * Pulls a live HLS playlist (Gcore's {@code pull_url}): reloads it by the injected clock — after a target duration
 * when it brought something new, after half of one when not — downloads each new MPEG-TS segment into the incoming
 * folder and feeds it through one continuing session. A multivariant playlist is followed to its best variant.
 * The source's #EXT-X-PROGRAM-DATE-TIME stamps the DVR when present, else the clock at arrival does. A missed
 * segment, a #EXT-X-DISCONTINUITY, a restarted playlist or a lost server start a new session; an unreachable
 * server shows disconnected and is retried with back-off.
 * <p>
 * Every request — playlist, variant, segment, and each redirect, followed here rather than by the HTTP client so
 * that none is missed — first asks {@link PullAddresses} whether its host may be reached now: a name that resolves
 * elsewhere since the stream was created, a playlist naming another host, or a redirect into a cloud's metadata
 * service is refused, and the stream shows disconnected saying why.
 */
final class HlsPullSource extends SourceThread {

    private static final System.Logger LOG = System.getLogger(HlsPullSource.class.getName());
    /** Where a first load joins the playlist: a few segments from its live end, as players do. */
    private static final int JOIN_FROM_END = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MS = 50;
    /** As browsers and the JDK's own client (5) allow, with room. */
    private static final int MAX_REDIRECTS = 5;

    private final URI url;
    private final int segmentDurationMs;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final PullAddresses.Resolver resolver;

    /** A URL the pull may not reach; not retried at once, as a transport failure is. */
    private static final class Refused extends IOException {
        Refused(String why) {
            super(why);
        }
    }

    HlsPullSource(LiveStream stream, int segmentDurationMs, Clock clock) {
        this(stream, segmentDurationMs, clock, PullAddresses.DNS);
    }

    /** @param resolver what a host's addresses are judged by before each request (DNS; tests change answers) */
    HlsPullSource(LiveStream stream, int segmentDurationMs, Clock clock, PullAddresses.Resolver resolver) {
        super(stream, clock);
        this.resolver = resolver;
        this.url = URI.create(stream.source().uri());
        this.segmentDurationMs = segmentDurationMs;
        this.httpThreads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest-" + stream.id() + "-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(httpThreads)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    protected void run(SegmentSink sink) {
        try (IngestChain chain = new IngestChain(stream.id(), stream.renditions(), segmentDurationMs, sink, clock)) {
            pull(sink, chain);
        } catch (InterruptedException e) {
            // close() asked while a request was in flight; nothing else to do
        } finally {
            httpThreads.shutdownNow();
        }
    }

    private void pull(SegmentSink sink, IngestChain chain) throws InterruptedException {
        URI media = null;
        long lastSequence = -1;
        int failures = 0;
        while (running()) {
            long fetchedAtMs = clock.millis();
            HlsSourcePlaylist playlist;
            List<HlsSourcePlaylist.Item> fresh;
            try {
                media = media == null ? mediaPlaylistOf(url) : media;
                playlist = playlist(media);
                List<HlsSourcePlaylist.Item> items = playlist.items();
                if (!items.isEmpty() && items.get(items.size() - 1).sequence() < lastSequence) {
                    chain.end(); // the source restarted its playlist
                    lastSequence = -1;
                }
                long after = lastSequence;
                fresh = after < 0 ? items.subList(Math.max(0, items.size() - JOIN_FROM_END), items.size())
                        : items.stream().filter(i -> i.sequence() > after).toList();
                if (!fresh.isEmpty() && lastSequence >= 0 && fresh.get(0).sequence() > lastSequence + 1) {
                    chain.end(); // the playlist moved past segments we never saw
                }
                for (HlsSourcePlaylist.Item item : fresh) {
                    if (!running()) {
                        return;
                    }
                    if (item.discontinuity()) {
                        chain.end();
                    }
                    ingest(item, sink, chain);
                    lastSequence = item.sequence();
                }
                failures = 0;
            } catch (IOException | MediaException e) {
                chain.end();
                media = null;
                if (running()) {
                    sink.health(SourceHealth.DISCONNECTED, "cannot pull " + url + ": " + reason(e));
                }
                if (!backOff(failures++)) {
                    return;
                }
                continue;
            }
            if (playlist.ended()) {
                chain.end();
                sink.health(SourceHealth.DISCONNECTED, "the HLS source at " + url + " ended its playlist");
                if (!backOff(failures++)) {
                    return;
                }
                continue;
            }
            long targetMs = playlist.targetDurationMs() > 0 ? playlist.targetDurationMs() : segmentDurationMs;
            awaitClock(fetchedAtMs + (fresh.isEmpty() ? targetMs / 2 : targetMs));
        }
    }

    private URI mediaPlaylistOf(URI playlistUrl) throws IOException, InterruptedException {
        HlsSourcePlaylist first = playlist(playlistUrl);
        return first.multivariant() ? first.best().orElseThrow().uri() : playlistUrl;
    }

    private HlsSourcePlaylist playlist(URI playlistUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = fetch(playlistUrl, HttpResponse.BodyHandlers.ofString());
        checkStatus(response, playlistUrl);
        // Relative URIs resolve against where the playlist was found, after its redirects, as players do.
        return HlsSourcePlaylist.parse(response.body(), response.uri());
    }

    /** Downloads one segment into the incoming folder and feeds its packets; a segment that does not demux is skipped. */
    private void ingest(HlsSourcePlaylist.Item item, SegmentSink sink, IngestChain chain)
            throws IOException, InterruptedException {
        Path temp = Files.createTempFile(sink.incomingDir(), IngestChain.filePrefix(stream.id()) + "pull-", ".ts");
        try {
            checkStatus(fetch(item.uri(), HttpResponse.BodyHandlers.ofFile(temp)), item.uri());
            feed(item, temp, chain);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void feed(HlsSourcePlaylist.Item item, Path file, IngestChain chain) {
        AVPacket packet = av_packet_alloc();
        try (MediaInput input = new MediaInput("segment " + item.sequence() + " of " + url, "file:" + file, "mpegts",
                Map.of(), () -> !running())) {
            boolean anchored = false;
            while (running() && input.read(packet)) {
                boolean anchor = !anchored && item.programDateTimeMs() >= 0
                        && packet.stream_index() == MediaInput.VIDEO;
                chain.feed(input, packet, anchor ? item.programDateTimeMs() : -1);
                anchored |= anchor;
                av_packet_unref(packet);
            }
        } catch (MediaException e) {
            LOG.log(System.Logger.Level.WARNING, "stream {0}: skipped segment {1} of the HLS source: {2}", stream.id(),
                    item.sequence(), e.getMessage());
            chain.end();
        } finally {
            av_packet_free(packet);
        }
    }

    /**
     * GETs {@code uri}, following redirects (at most {@link #MAX_REDIRECTS}, never from https to http), each hop
     * only where {@link PullAddresses} allows; a redirect's own body is dropped.
     */
    private <T> HttpResponse<T> fetch(URI uri, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse.BodyHandler<T> skippingRedirects = info -> isRedirect(info.statusCode())
                ? HttpResponse.BodySubscribers.replacing(null) : body.apply(info);
        URI at = uri;
        for (int hop = 0; ; hop++) {
            Optional<String> refused = PullAddresses.refusal(at, resolver);
            if (refused.isPresent()) {
                throw new Refused((hop == 0 ? "refused: " : "refused a redirect: ") + refused.get());
            }
            HttpResponse<T> response = send(request(at), skippingRedirects);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri.getPath());
            }
            URI next;
            try {
                next = at.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IOException("a redirect to a malformed URL from " + at.getPath());
            }
            if ("https".equalsIgnoreCase(at.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw new Refused("refused a redirect from https to http");
            }
            at = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Sends and waits, giving up (cancelling the request) as soon as the source is stopped. A request that fails
     * in transport is sent once more at once: a kept-alive connection the server has just dropped is not an outage.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return sendOnce(request, body);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "stream {0}: {1} failed once ({2}); again", stream.id(),
                    request.uri().getPath(), reason(e));
            return sendOnce(request, body);
        }
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> response = http.sendAsync(request, body);
        while (true) {
            if (!running()) {
                response.cancel(true);
                throw new InterruptedException("stopped");
            }
            try {
                return response.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still waiting: look at running() again
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(reason(e.getCause()), e.getCause());
            }
        }
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("User-Agent", "Clipdesk").GET().build();
    }

    private static void checkStatus(HttpResponse<?> response, URI uri) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri.getPath());
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
