package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.desk.Capabilities.Feature;
import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.MediaUrls;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.delivery.AutoSend;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.storage.DiskStatus;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's backend on a remote Clipdesk server, or any server speaking Gcore's streaming API, over HTTP. It runs
 * no engine and keeps no DVR: the DVR is read from each stream's {@code hls_mpegts_url} (program-date-time on every
 * segment), its segments are fetched when played and kept in a bounded memory cache, and the played rendition's
 * playlist is re-read as soon as a new segment is due, so the live edge arrives within a poll of its publication.
 * Clipdesk's (ext) routes and fields (thumbnails, waveform, exact cuts, descriptions) are used when the server has
 * them; against a plain Gcore-compatible server those features are reported missing in {@link #capabilities()}.
 * Owns the {@code remote-dvr} thread and the HTTP threads of its {@link RemoteServer}.
 */
public final class RemoteDesk implements DeskBackend {

    private static final Logger LOG = Logger.getLogger(RemoteDesk.class.getName());
    /** Enough for a few minutes of 360p around the playhead. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;
    private static final long TICK_MS = 100;
    /** Re-read a playlist at least this often, for retention and gaps even when no segment is due. */
    private static final long IDLE_RELOAD_MS = 4_000;
    /** Start asking this long before the next segment is expected, so it is seen within a tick of its arrival. */
    private static final long EARLY_MS = 400;
    /** A stream the desk has not asked about for this long is no longer followed. */
    private static final long FOLLOW_FOR_MS = 15_000;
    private static final Duration SEGMENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern KEYED_LIVE = Pattern.compile(".*/live/([0-9]+)_([a-z0-9]+)/.*");
    private static final Pattern KEYED_VIDEO = Pattern.compile(".*/videos/([0-9]+)_([a-z0-9]+)/.*");

    private final RemoteServer server;
    private final RemoteClipService clips;
    private final Clock clock;
    private final String editor;
    private final boolean clipdesk;
    private final Capabilities capabilities;
    private final MediaUrls urls;
    private final SegmentCache cache;
    private final LocalSettings settings;
    private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, RemoteDvr> dvrs = new ConcurrentHashMap<>();
    private final Map<Long, Follow> follows = new ConcurrentHashMap<>();
    private final Map<Long, VideoLinks> videoLinks = new ConcurrentHashMap<>();
    /** (ext) The segments being written that the desk reads at the live edge, by stream and rendition. */
    private final Map<String, RemoteLiveEdge> liveEdges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-dvr");
        t.setDaemon(true);
        return t;
    });
    private volatile int segmentDurationMs = 2000;
    /** The server's changes as they happen (its events, or its lists compared where it has none). */
    private final RemoteDeskChanges changes;

    /** A video's links as its JSON gave them: HLS master and MP4 by rendition. */
    private record VideoLinks(String hls, Map<String, String> mp4) {
    }

    /** When a followed stream was last asked about and when its newest segment first showed (desk clock, ms). */
    private static final class Follow {
        volatile long usedAtMs;
        volatile long newestSeenAtMs;
    }

    private RemoteDesk(RemoteServer server, Clock clock, String editor, boolean clipdesk, LocalSettings settings,
                       long cacheBytes) {
        this.server = server;
        this.clips = new RemoteClipService(server, clock);
        this.changes = RemoteDeskChanges.start(server, clips, clock);
        this.clock = clock;
        this.editor = editor == null ? "" : editor.strip();
        this.clipdesk = clipdesk;
        this.settings = settings;
        this.cache = new SegmentCache(cacheBytes);
        Capabilities caps = Capabilities.ALL
                .without(Feature.EDIT_STREAMS, "Streams are managed on the server: add or change them there.")
                .without(Feature.KEEP_LATER, "A server keeps a clip as a permanent video only when it is created "
                        + "with \"keep permanently\" ticked.")
                .without(Feature.DISK, "The disk is the server's.")
                .without(Feature.LOCAL_FILES, "The clip's files are on the server: copy its link or save the MP4.")
                .without(Feature.DELIVER, "Sending clips is set up on the server's own desk: a server has no "
                        + "delivery API yet.");
        if (!clipdesk) {
            String plain = " needs a Clipdesk server; this one speaks only Gcore's API.";
            caps = caps.without(Feature.THUMBNAILS, "Thumbnails" + plain)
                    .without(Feature.WAVEFORM, "The waveform" + plain)
                    .without(Feature.EXACT_CUT, "An exact cut" + plain + " Clips are cut on segments.")
                    .without(Feature.DESCRIBE, "Describing a clip" + plain)
                    .without(Feature.ADJUST, "Adjusting a clip" + plain + " Delete it and clip again.")
                    .without(Feature.REFRAME, "Social versions of a clip" + plain);
        }
        this.capabilities = caps;
        this.urls = new RemoteMediaUrls(clipdesk ? MediaUrls.under(server.base().toString()) : MediaUrls.NONE);
        follower.scheduleWithFixedDelay(this::followTick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to a server and checks, before anything opens, that it is one: reachable, takes the key, and answers
     * {@code GET /streaming/streams} with a list.
     *
     * @param settingsFile where this desk keeps its own settings (quick markers, listening level)
     * @throws IllegalArgumentException for a malformed URL
     * @throws RemoteCallException with one sentence for each other way it is not a usable server
     */
    public static RemoteDesk connect(String baseUrl, String apiKey, String editor, Clock clock, Path settingsFile) {
        return connect(baseUrl, apiKey, editor, clock, settingsFile, DEFAULT_CACHE_BYTES);
    }

    public static RemoteDesk connect(String baseUrl, String apiKey, String editor, Clock clock, Path settingsFile,
                                     long cacheBytes) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An API key is needed: the server prints it on first start (and keeps "
                    + "it in its data folder as api-key).");
        }
        RemoteServer server = new RemoteServer(baseUrl, apiKey);
        try {
            RemoteServer.Probe probe = server.probe("/streaming/streams");
            String where = server.base().toString();
            if (probe.status() == 401 || probe.status() == 403) {
                throw new RemoteCallException("The server at " + where + " refused the API key: check it (a Clipdesk "
                        + "server prints its key on first start and keeps it in its data folder as api-key).", null);
            }
            if (probe.status() != 200 || !probe.json().isArray()) {
                throw new RemoteCallException(where + " does not answer like a Clipdesk or Gcore streaming server "
                        + "(GET /streaming/streams gave " + (probe.status() == 200 ? "no list of streams"
                        : "HTTP " + probe.status()) + ").", null);
            }
            boolean clipdesk = isClipdesk(server, probe.json());
            return new RemoteDesk(server, clock, editor, clipdesk, new LocalSettings(settingsFile), cacheBytes);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Clipdesk's (ext) stream fields, or its (ext) health route when there is no stream to look at. */
    private static boolean isClipdesk(RemoteServer server, JsonNode streams) {
        if (streams.size() > 0) {
            return streams.get(0).has("health") && streams.get(0).has("dvr_start");
        }
        try {
            RemoteServer.Probe health = server.probe("/health");
            return health.status() == 200 && health.json().has("disk_free_bytes");
        } catch (RemoteCallException e) {
            return false;
        }
    }

    @Override
    public ChangeFeed changes() {
        return changes;
    }

    // ---- who and what

    @Override
    public String describe() {
        return "server " + server.base() + (editor.isEmpty() ? "" : " · " + editor);
    }

    @Override
    public String editor() {
        return editor;
    }

    @Override
    public String address() {
        return server.base().toString();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    @Override
    public int segmentDurationMs() {
        return segmentDurationMs;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public MediaUrls mediaUrls() {
        return urls;
    }

    /** True when the server has Clipdesk's (ext) routes and fields. */
    public boolean isClipdesk() {
        return clipdesk;
    }

    // ---- streams

    @Override
    public List<LiveStream> streams() {
        List<LiveStream> list = new ArrayList<>();
        for (JsonNode node : server.get("/streaming/streams")) {
            list.add(toStream(node));
        }
        return list;
    }

    @Override
    public LiveStream stream(long streamId) {
        return toStream(server.get("/streaming/streams/" + streamId));
    }

    @Override
    public LiveStream createStream(StreamDraft draft) {
        throw new InvalidRequestException(capabilities.whyNot(Feature.EDIT_STREAMS).orElseThrow());
    }

    @Override
    public LiveStream updateStream(long streamId, StreamPatch patch) {
        throw new InvalidRequestException(capabilities.whyNot(Feature.EDIT_STREAMS).orElseThrow());
    }

    @Override
    public void deleteStream(long streamId) {
        throw new InvalidRequestException(capabilities.whyNot(Feature.EDIT_STREAMS).orElseThrow());
    }

    @Override
    public StreamState state(long streamId) {
        JsonNode node = server.get("/streaming/streams/" + streamId);
        SourceHealth health = health(node);
        RemoteDvr dvr = dvrs.get(streamId);
        RemoteDvr.Playlist playlist = dvr == null ? null : dvr.peek(dvr.played());
        DvrWindow window;
        int count;
        if (playlist != null) {
            window = playlist.isEmpty() ? DvrWindow.EMPTY : new DvrWindow(playlist.segments().get(0).startMs(),
                    playlist.segments().get(playlist.segments().size() - 1).endMs());
            count = playlist.segments().size();
        } else {
            long startS = node.path("dvr_start").asLong(0);
            long endS = node.path("dvr_end").asLong(0);
            window = endS > startS ? new DvrWindow(startS * 1000, endS * 1000) : DvrWindow.EMPTY;
            count = 0;
        }
        String started = node.path("started_at_primary").asText("");
        return new StreamState(streamId, health, healthDetail(health), window, count,
                started.isEmpty() ? 0 : RemoteClipService.createdAtMs(started), 0);
    }

    private static SourceHealth health(JsonNode node) {
        String wire = node.path("health").asText("");
        if (!wire.isEmpty()) {
            try {
                return SourceHealth.valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // a newer server's word: judge by "live" below
            }
        }
        return node.path("live").asBoolean(false) ? SourceHealth.LIVE : SourceHealth.DISCONNECTED;
    }

    private static String healthDetail(SourceHealth health) {
        return health == SourceHealth.LIVE ? "" : "the server says the stream is " + health.name()
                .toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public Optional<DiskStatus> disk() {
        return Optional.empty();
    }

    @Override
    public void addListener(SegmentListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SegmentListener listener) {
        listeners.remove(listener);
    }

    private LiveStream toStream(JsonNode node) {
        long id = node.path("id").asLong();
        String hls = node.path("hls_mpegts_url").asText("");
        List<Rendition> renditions = List.of(Rendition.DEFAULT_LADDER.get(0));
        String mediaKey = "";
        if (!hls.isEmpty()) {
            Matcher keyed = KEYED_LIVE.matcher(hls);
            mediaKey = keyed.matches() ? keyed.group(2) : "";
            try {
                renditions = dvr(id, hls).renditions();
            } catch (RuntimeException e) {
                LOG.fine(() -> "stream " + id + ": no DVR playlist yet: " + e.getMessage());
            }
        }
        int dvrS = Math.max(LiveStream.MIN_DVR_DURATION_S, Math.min(LiveStream.MAX_DVR_DURATION_S,
                node.path("dvr_duration").asInt(LiveStream.DEFAULT_DVR_DURATION_S)));
        return new LiveStream(id, node.path("name").asText("stream " + id), source(node),
                node.path("dvr_enabled").asBoolean(true), dvrS, mediaKey,
                RemoteClipService.createdAtMs(node.path("created_at").asText("")), renditions);
    }

    /** What the (ext) {@code source} says; a plain server only tells a pulled source apart. */
    private static SourceSpec source(JsonNode node) {
        String uri = node.path("uri").asText("");
        String pushUrl = node.path("push_url").asText("");
        return switch (node.path("source").asText("")) {
            case "test_signal" -> SourceSpec.TEST_SIGNAL;
            case "rtmp_push" -> new SourceSpec(SourceKind.RTMP_PUSH, pushUrl.isEmpty() ? "remote" : pushUrl);
            case "srt_push" -> new SourceSpec(SourceKind.SRT_PUSH, pushUrl.isEmpty() ? "remote" : pushUrl);
            case "file_loop" -> new SourceSpec(SourceKind.FILE_LOOP, "on the server");
            default -> uri.isEmpty() ? new SourceSpec(SourceKind.RTMP_PUSH, "remote")
                    : new SourceSpec(SourceKind.HLS_PULL, uri);
        };
    }

    /** The stream's DVR reader, opened again when its playlist URL changed (a new media key). */
    private RemoteDvr dvr(long streamId, String hls) {
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

    // ---- DVR

    @Override
    public List<Segment> segments(long streamId, long fromMs, long toMs) {
        RemoteDvr dvr = dvr(streamId);
        RemoteDvr.Playlist playlist = dvr.latest(dvr.played());
        follow(streamId, playlist);
        return playlist.segments().stream().filter(s -> s.overlaps(fromMs, toMs)).toList();
    }

    /** (ext) A Clipdesk server streams the segment it is writing; another server has none to share. */
    @Override
    public Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        if (!clipdesk) {
            return Optional.empty();
        }
        RemoteDvr dvr = dvr(streamId);
        Optional<URI> next = dvr.nextSegmentUri(rendition);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        follows.computeIfAbsent(streamId, id -> new Follow()).usedAtMs = clock.millis();
        return liveEdges.computeIfAbsent(streamId + "/" + rendition, key -> new RemoteLiveEdge(streamId, rendition,
                next.get(), server, clock, () -> reloadSoon(streamId))).current();
    }

    /** A segment's stream ended: the playlist has it now, so the next tick reads it rather than waiting its turn. */
    private void reloadSoon(long streamId) {
        Follow f = follows.get(streamId);
        if (f != null) {
            f.newestSeenAtMs = 0;
        }
    }

    @Override
    public SegmentMedia segment(long streamId, String rendition, long sequence) {
        RemoteDvr dvr = dvr(streamId);
        follows.computeIfAbsent(streamId, id -> new Follow()).usedAtMs = clock.millis();
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

    @Override
    public Optional<byte[]> thumbnail(long streamId, long sequence) {
        if (!clipdesk) {
            return Optional.empty();
        }
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

    @Override
    public AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets) {
        if (!clipdesk) {
            return AudioEnvelope.EMPTY;
        }
        long fromS = Math.floorDiv(fromMs, 1000);
        long toS = Math.max(fromS + 1, Math.floorDiv(toMs + 999, 1000));
        JsonNode node = server.get("/streaming/streams/" + streamId + "/waveform?from=" + fromS + "&to=" + toS
                + "&buckets=" + maxBuckets);
        int count = node.path("count").asInt(0);
        short[] peaks = new short[count];
        short[] rms = new short[count];
        for (int i = 0; i < count; i++) {
            peaks[i] = level(node.path("peak").path(i));
            rms[i] = level(node.path("rms").path(i));
        }
        return new AudioEnvelope(node.path("start_ms").asLong(), node.path("bucket_ms").asInt(AudioEnvelope.BUCKET_MS),
                peaks, rms);
    }

    private static short level(JsonNode fraction) {
        return fraction.isNumber() ? AudioEnvelope.level(fraction.asDouble()) : AudioEnvelope.NO_AUDIO;
    }

    // ---- following the live edge

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
        for (Segment segment : fresh) {
            liveEdges.forEach((key, edge) -> {
                if (key.startsWith(streamId + "/")) {
                    edge.indexed(segment);
                }
            });
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

    // ---- clips and videos

    @Override
    public List<Clip> clips(long streamId) {
        return clips.list(streamId);
    }

    @Override
    public Clip createClip(ClipRequest request) {
        ClipRequest sent = request;
        if (!capabilities.can(Feature.DESCRIBE)) {
            sent = request.withDescription(ClipDescription.EMPTY.withCreatedBy(request.description().createdBy()));
        }
        return clips.create(sent);
    }

    @Override
    public void deleteClip(String clipId) {
        clips.delete(clipId);
    }

    @Override
    public Clip keepClip(String clipId) {
        return clips.keepPermanent(clipId);
    }

    @Override
    public Clip describeClip(String clipId, String name, ClipDescription description) {
        if (!capabilities.can(Feature.DESCRIBE)) {
            throw new InvalidRequestException(capabilities.whyNot(Feature.DESCRIBE).orElseThrow());
        }
        return clips.describe(clipId, name, description);
    }

    @Override
    public Clip adjustClip(String clipId, long fromMs, long toMs) {
        require(Feature.ADJUST);
        return clips.adjust(clipId, fromMs, toMs);
    }

    @Override
    public Clip trimClip(String clipId, long fromMs, long toMs) {
        require(Feature.ADJUST);
        return clips.trim(clipId, fromMs, toMs);
    }

    /** A Clipdesk server names a clip's segments as this engine does (MediaPaths); Gcore's own layout is not known. */
    @Override
    public SegmentMedia clipSegment(Clip clip, String rendition, int index) {
        require(Feature.REFRAME);
        String name = MediaPaths.clipSegment(clip.id(), rendition, index);
        return SegmentMedia.of(name, server.media(server.base().resolve(MediaPaths.clipUrl(clip.streamId(), name)),
                SEGMENT_TIMEOUT));
    }

    /** (ext) POST …/clip_recording/{id}/reframes with the crop as a path of centres. */
    @Override
    public Reframe reframeClip(String clipId, ReframeAspect aspect, CropPath crop) {
        require(Feature.REFRAME);
        long streamId = clips.get(clipId).streamId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aspect", aspect.wire());
        body.put("crop", crop.keys().stream().map(k -> Map.of("at_ms", k.atMs(), "x", k.centerX(), "y",
                k.centerY())).toList());
        return toReframe(server.send("POST", reframesPath(streamId, clipId), body), streamId);
    }

    @Override
    public List<Reframe> reframes(String clipId) {
        require(Feature.REFRAME);
        long streamId = clips.get(clipId).streamId();
        List<Reframe> list = new ArrayList<>();
        for (JsonNode node : server.get(reframesPath(streamId, clipId))) {
            list.add(toReframe(node, streamId));
        }
        return list;
    }

    private static String reframesPath(long streamId, String clipId) {
        return "/streaming/streams/" + streamId + "/clip_recording/" + clipId + "/reframes";
    }

    private static Reframe toReframe(JsonNode n, long streamId) {
        List<CropPath.Key> keys = new ArrayList<>();
        for (JsonNode k : n.path("crop")) {
            keys.add(new CropPath.Key(k.path("at_ms").asLong(), k.path("x").asDouble(), k.path("y").asDouble()));
        }
        return new Reframe(n.path("id").asText(), n.path("clip_id").asText(), streamId,
                ReframeAspect.parse(n.path("aspect").asText()), keys.isEmpty() ? CropPath.CENTRED : new CropPath(keys),
                ReframeStatus.valueOf(n.path("status").asText("failed").toUpperCase(Locale.ROOT)),
                n.path("error").asText(""), 0, n.path("duration").asLong(0), n.path("progress").asDouble(0));
    }

    private void require(Feature feature) {
        if (!capabilities.can(feature)) {
            throw new InvalidRequestException(capabilities.whyNot(feature).orElseThrow());
        }
    }

    @Override
    public InputStream openClipMp4(Clip clip) {
        String url = urls.clipMasterMp4(clip);
        if (url.isEmpty()) {
            throw new NotFoundException("The server gives no MP4 for " + clip.name() + ".");
        }
        return new ByteArrayInputStream(server.media(URI.create(url), Duration.ofMinutes(5)));
    }

    @Override
    public Optional<Path> clipFolder(Clip clip) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> clipMp4File(Clip clip) {
        return Optional.empty();
    }

    @Override
    public List<Video> videos() {
        List<Video> list = new ArrayList<>();
        for (JsonNode node : server.get("/streaming/videos")) {
            list.add(toVideo(node));
        }
        return list;
    }

    @Override
    public void deleteVideo(long videoId) {
        server.send("DELETE", "/streaming/videos/" + videoId, null);
    }

    @Override
    public InputStream openVideoMp4(Video video, String rendition) {
        String url = urls.videoMp4(video, rendition);
        if (url.isEmpty()) {
            throw new NotFoundException("The server gives no MP4 for " + video.name() + ".");
        }
        return new ByteArrayInputStream(server.media(URI.create(url), Duration.ofMinutes(5)));
    }

    private Video toVideo(JsonNode node) {
        long id = node.path("id").asLong();
        String hls = node.path("hls_url").asText("");
        Matcher keyed = KEYED_VIDEO.matcher(hls);
        List<String> renditions = new ArrayList<>();
        Map<String, String> mp4 = new java.util.LinkedHashMap<>();
        for (JsonNode converted : node.path("converted_videos")) {
            String name = converted.path("name").asText("");
            if (!Rendition.isValidName(name)) {
                name = "media_" + converted.path("id").asInt(renditions.size() + 1) + "_"
                        + converted.path("height").asInt(0);
            }
            renditions.add(name);
            mp4.put(name, converted.path("mp4_url").asText(""));
        }
        videoLinks.put(id, new VideoLinks(hls, Map.copyOf(mp4)));
        VideoStatus status;
        try {
            status = VideoStatus.valueOf(node.path("status").asText("ready").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            status = VideoStatus.READY;
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        return new Video(id, keyed.matches() ? keyed.group(2) : "", node.path("stream_id").asLong(0),
                node.path("clip_id").asText(""), node.path("name").asText("video " + id), status,
                node.path("error").asText(""), node.path("duration").asLong(0),
                RemoteClipService.createdAtMs(node.path("created_at").asText("")), renditions,
                new ClipDescription(node.path("description").asText(""), tags, node.path("created_by").asText("")));
    }

    // ---- delivery: not in the API, said by the capability

    private RuntimeException cannotDeliver() {
        return new InvalidRequestException(capabilities.whyNot(Feature.DELIVER).orElseThrow());
    }

    @Override
    public List<Destination> destinations() {
        return List.of();
    }

    @Override
    public Destination saveDestination(Destination destination) {
        throw cannotDeliver();
    }

    @Override
    public void removeDestination(long destinationId) {
        throw cannotDeliver();
    }

    @Override
    public Delivery sendClip(String clipId, long destinationId, String origin) {
        throw cannotDeliver();
    }

    @Override
    public List<Delivery> deliveries(String clipId) {
        return List.of();
    }

    @Override
    public List<AutoSend> autoSends() {
        return List.of();
    }

    @Override
    public void autoSend(String tag, long destinationId) {
        throw cannotDeliver();
    }

    // ---- settings

    @Override
    public Optional<String> setting(String key) {
        return settings.get(key);
    }

    @Override
    public void putSetting(String key, String value) {
        settings.put(key, value);
    }

    /** How much segment media is held in memory now (the cache's bound is set at connect). */
    public long cachedBytes() {
        return cache.sizeBytes();
    }

    @Override
    public void close() {
        liveEdges.values().forEach(RemoteLiveEdge::close);
        follower.shutdownNow();
        changes.close();
        server.close();
    }

    /**
     * Links as the server gave them in each clip's and video's JSON (a plain Gcore server puts its media on other
     * hosts); a Clipdesk server's layout under its base URL fills in what the JSON does not list (per rendition).
     */
    private final class RemoteMediaUrls implements MediaUrls {
        private final MediaUrls layout;

        RemoteMediaUrls(MediaUrls layout) {
            this.layout = layout;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String clipMaster(Clip clip) {
            return clips.links(clip.id()).map(ClipLinks::hlsMaster).filter(s -> !s.isEmpty())
                    .orElseGet(() -> layout.clipMaster(clip));
        }

        @Override
        public String clipMasterMp4(Clip clip) {
            return clips.links(clip.id()).map(ClipLinks::mp4Master).filter(s -> !s.isEmpty())
                    .orElseGet(() -> layout.clipMasterMp4(clip));
        }

        @Override
        public String clipPlaylist(Clip clip, String rendition) {
            return layout.clipPlaylist(clip, rendition);
        }

        @Override
        public String clipMp4(Clip clip, String rendition) {
            return layout.clipMp4(clip, rendition);
        }

        @Override
        public String videoMaster(Video video) {
            VideoLinks known = videoLinks.get(video.id());
            return known != null && !known.hls().isEmpty() ? known.hls() : layout.videoMaster(video);
        }

        @Override
        public String videoPlaylist(Video video, String rendition) {
            return layout.videoPlaylist(video, rendition);
        }

        @Override
        public String videoMp4(Video video, String rendition) {
            VideoLinks known = videoLinks.get(video.id());
            String given = known == null ? "" : known.mp4().getOrDefault(rendition, "");
            return given.isEmpty() ? layout.videoMp4(video, rendition) : given;
        }
    }
}
