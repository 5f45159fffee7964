package io.clipdesk.client;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The remote DVRs the desk reads: one {@link RemoteDvr} per stream, its segments fetched when played and kept in a
 * bounded memory cache. A stream the desk asks about is followed: on the {@code remote-dvr} thread its played
 * rendition's playlist is re-read as soon as a new segment is due, so the live edge arrives within a poll of its
 * publication, and the listeners are told; the newest segment is fetched before the desk asks for it.
 */
final class RemoteDvrFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteDvrFollower.class.getName());
    private static final long TICK_MS = 100;
    /** Re-read a playlist at least this often, for retention and gaps even when no segment is due. */
    private static final long IDLE_RELOAD_MS = 4_000;
    /** Start asking this long before the next segment is expected, so it is seen within a tick of its arrival. */
    private static final long EARLY_MS = 400;
    /** A stream the desk has not asked about for this long is no longer followed. */
    private static final long FOLLOW_FOR_MS = 15_000;
    static final Duration SEGMENT_TIMEOUT = Duration.ofSeconds(10);

    private final RemoteServer server;
    private final Clock clock;
    private final SegmentCache cache;
    private final RemoteLiveEdges liveEdges;
    private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, RemoteDvr> dvrs = new ConcurrentHashMap<>();
    private final Map<Long, Follow> follows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-dvr");
        t.setDaemon(true);
        return t;
    });
    private volatile int segmentDurationMs = 2000;

    /** When a followed stream was last asked about and when its newest segment first showed (desk clock, ms). */
    private static final class Follow {
        volatile long usedAtMs;
        volatile long newestSeenAtMs;
    }

    RemoteDvrFollower(RemoteServer server, Clock clock, long cacheBytes) {
        this.server = server;
        this.clock = clock;
        this.cache = new SegmentCache(cacheBytes);
        this.liveEdges = new RemoteLiveEdges(server, clock);
        follower.scheduleWithFixedDelay(this::followTick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    int segmentDurationMs() {
        return segmentDurationMs;
    }

    void addListener(SegmentListener listener) {
        listeners.add(listener);
    }

    void removeListener(SegmentListener listener) {
        listeners.remove(listener);
    }

    /** How much segment media is held in memory now. */
    long cachedBytes() {
        return cache.sizeBytes();
    }

    /** The stream's DVR reader, opened again when its playlist URL changed (a new media key). */
    RemoteDvr dvr(long streamId, String hls) {
        URI url = server.resolve(hls);
        RemoteDvr known = dvrs.get(streamId);
        if (known != null && known.hlsUrl().equals(url)) {
            return known;
        }
        RemoteDvr opened = RemoteDvr.open(streamId, server, clock, url);
        dvrs.put(streamId, opened);
        return opened;
    }

    private RemoteDvr dvr(long streamId) {
        RemoteDvr known = dvrs.get(streamId);
        if (known != null) {
            return known;
        }
        String hls = server.get("/streaming/streams/" + streamId).path("hls_mpegts_url").asText("");
        if (hls.isEmpty()) {
            throw new MediaException("the server gives no playlist for stream " + streamId);
        }
        return dvr(streamId, hls);
    }

    /** The played rendition's playlist as last read, empty when the stream's DVR is not read yet. */
    Optional<RemoteDvr.Playlist> lastRead(long streamId) {
        RemoteDvr dvr = dvrs.get(streamId);
        return Optional.ofNullable(dvr == null ? null : dvr.peek(dvr.played()));
    }

    /** The window of a playlist as read. */
    static DvrWindow window(RemoteDvr.Playlist playlist) {
        return playlist.isEmpty() ? DvrWindow.EMPTY : new DvrWindow(playlist.segments().get(0).startMs(),
                playlist.segments().get(playlist.segments().size() - 1).endMs());
    }

    List<Segment> segments(long streamId, long fromMs, long toMs) {
        RemoteDvr dvr = dvr(streamId);
        RemoteDvr.Playlist playlist = dvr.latest(dvr.played());
        follow(streamId, playlist);
        return playlist.segments().stream().filter(s -> s.overlaps(fromMs, toMs)).toList();
    }

    /** The segment the server is writing after the newest in the playlist, read as it grows. */
    Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        RemoteDvr dvr = dvr(streamId);
        Optional<URI> next = dvr.nextSegmentUri(rendition);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        used(streamId);
        return liveEdges.current(streamId, rendition, next.get(), () -> reloadSoon(streamId));
    }

    /** A segment's stream ended: the playlist has it now, so the next tick reads it rather than waiting its turn. */
    private void reloadSoon(long streamId) {
        Follow f = follows.get(streamId);
        if (f != null) {
            f.newestSeenAtMs = 0;
        }
    }

    SegmentMedia segment(long streamId, String rendition, long sequence) {
        RemoteDvr dvr = dvr(streamId);
        used(streamId);
        URI uri = uriOf(dvr, rendition, sequence);
        String name = rendition + "_" + sequence + ".ts";
        Optional<byte[]> cached = cache.get(uri.toString());
        if (cached.isPresent()) {
            return SegmentMedia.of(name, cached.get());
        }
        try {
            byte[] bytes = server.media(uri, SEGMENT_TIMEOUT);
            cache.put(uri.toString(), bytes);
            return SegmentMedia.of(name, bytes);
        } catch (NotFoundException e) {
            throw new MediaException("segment " + sequence + " is no longer on the server");
        } catch (RemoteCallException e) {
            throw new MediaException(e.getMessage(), e);
        }
    }

    private static URI uriOf(RemoteDvr dvr, String rendition, long sequence) {
        RemoteDvr.Playlist playlist = dvr.peek(rendition);
        URI uri = playlist == null ? null : playlist.uris().get(sequence);
        if (uri == null) {
            uri = dvr.reload(rendition).uris().get(sequence);
        }
        if (uri == null) {
            throw new MediaException("segment " + sequence + " is no longer on the server");
        }
        return uri;
    }

    /** (ext) The JPEG a Clipdesk server keeps beside each segment; empty where it has none. */
    Optional<byte[]> thumbnail(long streamId, long sequence) {
        RemoteDvr dvr = dvr(streamId);
        RemoteDvr.Playlist playlist = dvr.latest(dvr.played());
        URI uri = playlist.uri().resolve("thumb_" + sequence + ".jpg");
        Optional<byte[]> cached = cache.get(uri.toString());
        if (cached.isPresent()) {
            return cached;
        }
        try {
            byte[] jpeg = server.media(uri, SEGMENT_TIMEOUT);
            cache.put(uri.toString(), jpeg);
            return Optional.of(jpeg);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    // ---- following the live edge

    private void used(long streamId) {
        follows.computeIfAbsent(streamId, id -> new Follow()).usedAtMs = clock.millis();
    }

    private void follow(long streamId, RemoteDvr.Playlist playlist) {
        Follow f = follows.computeIfAbsent(streamId, id -> new Follow());
        f.usedAtMs = clock.millis();
        if (f.newestSeenAtMs == 0) {
            f.newestSeenAtMs = playlist.loadedAtMs();
        }
        if (playlist.targetDurationMs() > 0) {
            segmentDurationMs = playlist.targetDurationMs();
        }
    }

    /** remote-dvr thread: re-reads each followed stream's playlist when a segment is due, and tells the listeners. */
    private void followTick() {
        try {
            followStreams();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "following the servers' playlists failed; trying again", e);
        }
    }

    private void followStreams() {
        long now = clock.millis();
        for (Map.Entry<Long, Follow> entry : follows.entrySet()) {
            long streamId = entry.getKey();
            Follow f = entry.getValue();
            if (now - f.usedAtMs > FOLLOW_FOR_MS) {
                follows.remove(streamId);
                continue;
            }
            RemoteDvr dvr = dvrs.get(streamId);
            if (dvr == null) {
                continue;
            }
            RemoteDvr.Playlist before = dvr.peek(dvr.played());
            if (before != null && !due(before, f, now)) {
                continue;
            }
            try {
                RemoteDvr.Playlist after = dvr.reload(dvr.played());
                tell(streamId, before, after, f);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "stream " + streamId + ": playlist reload failed", e);
            }
        }
    }

    private boolean due(RemoteDvr.Playlist before, Follow f, long now) {
        long segmentMs = Math.max(500, before.targetDurationMs() > 0 ? before.targetDurationMs() : segmentDurationMs);
        return now - before.loadedAtMs() >= IDLE_RELOAD_MS || now >= f.newestSeenAtMs + segmentMs - EARLY_MS;
    }

    private void tell(long streamId, RemoteDvr.Playlist before, RemoteDvr.Playlist after, Follow f) {
        if (before == null) {
            f.newestSeenAtMs = after.loadedAtMs();
            return;
        }
        boolean changed = after.isEmpty() != before.isEmpty() || after.firstSequence() != before.firstSequence()
                || after.lastSequence() < before.lastSequence();
        List<Segment> fresh = after.segments().stream().filter(s -> s.sequence() > before.lastSequence()).toList();
        if (!fresh.isEmpty()) {
            f.newestSeenAtMs = after.loadedAtMs();
            prefetch(after, fresh.get(fresh.size() - 1));
        }
        for (SegmentListener listener : listeners) {
            try {
                fresh.forEach(listener::onSegment);
                if (changed) {
                    listener.onDvrChanged(streamId);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a DVR listener failed", e);
            }
        }
        // Only now, with the listeners (the desk's DVR index) told, may a live reader hand over to the segment, as
        // on the engine (DvrRecorder): a player never goes on into a segment its index does not hold yet.
        for (Segment segment : fresh) {
            liveEdges.indexed(streamId, segment);
        }
    }

    /** The newest segment is what a live desk opens next: fetch it before it asks. */
    private void prefetch(RemoteDvr.Playlist playlist, Segment newest) {
        URI uri = playlist.uris().get(newest.sequence());
        if (uri != null && cache.get(uri.toString()).isEmpty()) {
            try {
                cache.put(uri.toString(), server.media(uri, SEGMENT_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "prefetch of " + uri + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        liveEdges.close();
        follower.shutdownNow();
    }
}
