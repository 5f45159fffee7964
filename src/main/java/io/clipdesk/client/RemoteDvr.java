package io.clipdesk.client;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.hls.MultivariantPlaylist;
import io.clipdesk.engine.stream.Rendition;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One remote stream's DVR as a desk reads it: the stream's {@code hls_mpegts_url} (a multivariant playlist, or one
 * media playlist), and per rendition the media playlist with {@code #EXT-X-PROGRAM-DATE-TIME}, turned into the
 * engine's {@link Segment}s. A Clipdesk server names its variants {@code media_1_360_dvr.m3u8}, so the renditions keep
 * their names; another server's variants are named by their rank and height. Playlists are read on demand and kept
 * until the next reload; thread safe.
 */
final class RemoteDvr {

    private static final Pattern CLIPDESK_VARIANT = Pattern.compile("(?:.*/)?(media_[0-9]+_[0-9]+)_dvr\\.m3u8(?:\\?.*)?");
    private static final Duration PLAYLIST_TIMEOUT = Duration.ofSeconds(5);
    private static final int FALLBACK_WIDTH = 640;
    private static final int FALLBACK_HEIGHT = 360;

    /** One rendition's DVR as its playlist said at {@code loadedAtMs} (the desk's clock). */
    record Playlist(List<Segment> segments, Map<Long, URI> uris, URI uri, int targetDurationMs, long loadedAtMs) {

        boolean isEmpty() {
            return segments.isEmpty();
        }

        long firstSequence() {
            return segments.isEmpty() ? -1 : segments.get(0).sequence();
        }

        long lastSequence() {
            return segments.isEmpty() ? -1 : segments.get(segments.size() - 1).sequence();
        }
    }

    private final long streamId;
    private final RemoteServer server;
    private final Clock clock;
    private final URI hlsUrl;
    private final List<Rendition> renditions;
    private final Map<String, URI> playlistOf;
    private final Map<String, Playlist> loaded = new ConcurrentHashMap<>();

    private RemoteDvr(long streamId, RemoteServer server, Clock clock, URI hlsUrl, List<Rendition> renditions,
                      Map<String, URI> playlistOf) {
        this.streamId = streamId;
        this.server = server;
        this.clock = clock;
        this.hlsUrl = hlsUrl;
        this.renditions = List.copyOf(renditions);
        this.playlistOf = Map.copyOf(playlistOf);
    }

    /**
     * Reads the stream's playlist and learns its renditions.
     *
     * @throws IllegalArgumentException when the URL does not give an HLS playlist
     */
    static RemoteDvr open(long streamId, RemoteServer server, Clock clock, URI hlsUrl) {
        String text = new String(server.media(hlsUrl, PLAYLIST_TIMEOUT), StandardCharsets.UTF_8);
        if (!text.contains("#EXT-X-STREAM-INF")) {
            MediaPlaylist.parse(text); // throws when it is no playlist at all
            Rendition only = Rendition.named(1, FALLBACK_WIDTH, FALLBACK_HEIGHT, 800);
            return new RemoteDvr(streamId, server, clock, hlsUrl, List.of(only), Map.of(only.name(), hlsUrl));
        }
        List<MultivariantPlaylist.Variant> variants = new ArrayList<>(MultivariantPlaylist.parse(text).variants());
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the stream's playlist lists no variant");
        }
        variants.sort(Comparator.comparingInt(MultivariantPlaylist.Variant::height)
                .thenComparingLong(MultivariantPlaylist.Variant::bandwidthBps));
        List<Rendition> renditions = new ArrayList<>();
        Map<String, URI> playlistOf = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            MultivariantPlaylist.Variant v = variants.get(i);
            int width = v.width() > 0 ? v.width() : FALLBACK_WIDTH;
            int height = v.height() > 0 ? v.height() : FALLBACK_HEIGHT;
            int kbps = (int) Math.max(1, v.bandwidthBps() / 1100 - Rendition.AUDIO_KBPS);
            Matcher named = CLIPDESK_VARIANT.matcher(v.uri());
            Rendition r = named.matches() ? new Rendition(named.group(1), width, height, kbps)
                    : Rendition.named(i + 1, width, height, kbps);
            if (playlistOf.containsKey(r.name())) {
                r = Rendition.named(100 + i, width, height, kbps);
            }
            renditions.add(r);
            playlistOf.put(r.name(), hlsUrl.resolve(v.uri()));
        }
        return new RemoteDvr(streamId, server, clock, hlsUrl, renditions, playlistOf);
    }

    /**
     * (ext) Where a Clipdesk server streams the segment it is writing in {@code rendition}: next to the rendition's
     * DVR playlist; empty for a server that does not name its playlists as Clipdesk does.
     */
    java.util.Optional<URI> nextSegmentUri(String rendition) {
        URI playlist = playlistOf.get(rendition);
        if (playlist == null || !CLIPDESK_VARIANT.matcher(playlist.toString()).matches()
                || !playlist.getPath().endsWith("/" + rendition + "_dvr.m3u8")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(playlist.resolve(rendition + "_next.ts"));
    }

    URI hlsUrl() {
        return hlsUrl;
    }

    /** Lowest first. */
    List<Rendition> renditions() {
        return renditions;
    }

    /** The rendition the desk plays: the lowest (360p is plenty for marking). */
    String played() {
        return renditions.get(0).name();
    }

    /** The last playlist read for {@code rendition}, reading it now if there is none. */
    Playlist latest(String rendition) {
        Playlist now = loaded.get(rendition);
        return now != null ? now : reload(rendition);
    }

    /** Only what was read already; null before the first read. */
    Playlist peek(String rendition) {
        return loaded.get(rendition);
    }

    /**
     * Reads {@code rendition}'s playlist again.
     *
     * @throws io.clipdesk.engine.NotFoundException for a rendition the stream does not have
     */
    Playlist reload(String rendition) {
        URI uri = playlistOf.get(rendition);
        if (uri == null) {
            throw new io.clipdesk.engine.NotFoundException("Stream " + streamId + " has no rendition " + rendition
                    + ".");
        }
        String text = new String(server.media(uri, PLAYLIST_TIMEOUT), StandardCharsets.UTF_8);
        Playlist next = toPlaylist(MediaPlaylist.parse(text), uri);
        loaded.put(rendition, next);
        return next;
    }

    /**
     * The segments with their wall-clock starts. A segment without its own program-date-time follows the one before
     * it; a playlist without any is anchored so its end is now (a live edge).
     */
    private Playlist toPlaylist(MediaPlaylist playlist, URI uri) {
        List<MediaPlaylist.Entry> entries = playlist.entries();
        List<Segment> segments = new ArrayList<>(entries.size());
        Map<Long, URI> uris = new HashMap<>();
        long totalUs = entries.stream().mapToLong(MediaPlaylist.Entry::durationUs).sum();
        long nextStartMs = clock.millis() - totalUs / 1000;
        long previousPdt = Long.MIN_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            MediaPlaylist.Entry e = entries.get(i);
            long pdt = e.programDateTimeMs();
            boolean own = pdt > 0 && pdt != previousPdt;
            long startMs = own ? pdt : nextStartMs;
            previousPdt = pdt;
            long sequence = playlist.mediaSequence() + i;
            segments.add(new Segment(streamId, sequence, startMs, Math.max(1, e.durationUs()), e.discontinuity()));
            uris.put(sequence, uri.resolve(e.uri()));
            nextStartMs = startMs + e.durationUs() / 1000;
        }
        return new Playlist(List.copyOf(segments), Map.copyOf(uris), uri, playlist.targetDurationS() * 1000,
                clock.millis());
    }
}
