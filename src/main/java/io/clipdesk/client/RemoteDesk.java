package io.clipdesk.client;

import io.clipdesk.desk.Capabilities.Feature;
import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.MediaUrls;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.delivery.AutoSend;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.storage.DiskStatus;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.engine.video.Video;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The desk's backend on a remote Clipdesk server, or any server speaking Gcore's streaming API, over HTTP. It runs
 * no engine and keeps no DVR: the DVR is read from each stream's {@code hls_mpegts_url} (program-date-time on every
 * segment), its segments are fetched when played and the played rendition's playlist is followed
 * ({@link RemoteDvrFollower}).
 * Clipdesk's (ext) routes and fields (thumbnails, waveform, exact cuts, descriptions) are used when the server has
 * them; against a plain Gcore-compatible server those features are reported missing in {@link #capabilities()}.
 * Owns the {@code remote-dvr} thread and the HTTP threads of its {@link RemoteServer}.
 */
public final class RemoteDesk implements DeskBackend {

    /** Enough for a few minutes of 360p around the playhead. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    private final RemoteServer server;
    private final RemoteClipService clips;
    private final RemoteDvrFollower dvrs;
    private final RemoteVideos videos;
    private final RemoteReframes reframes;
    private final Clock clock;
    private final String editor;
    private final boolean clipdesk;
    private final Capabilities capabilities;
    private final MediaUrls urls;
    private final LocalSettings settings;
    /** The server's changes as they happen (its events, or its lists compared where it has none). */
    private final RemoteDeskChanges changes;

    private RemoteDesk(RemoteServer server, Clock clock, String editor, boolean clipdesk, LocalSettings settings,
                       long cacheBytes) {
        this.server = server;
        this.clips = new RemoteClipService(server, clock);
        this.changes = RemoteDeskChanges.start(server, clips, clock);
        this.clock = clock;
        this.editor = editor == null ? "" : editor.strip();
        this.clipdesk = clipdesk;
        this.settings = settings;
        this.videos = new RemoteVideos(server);
        this.reframes = new RemoteReframes(server, clips);
        this.capabilities = RemoteCapabilities.of(clipdesk);
        this.urls = new RemoteMediaUrls(clipdesk ? MediaUrls.under(server.base().toString()) : MediaUrls.NONE, clips,
                videos);
        this.dvrs = new RemoteDvrFollower(server, clock, cacheBytes);
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
            boolean clipdesk = ServerCheck.isClipdesk(server);
            return new RemoteDesk(server, clock, editor, clipdesk, new LocalSettings(settingsFile), cacheBytes);
        } catch (RuntimeException e) {
            server.close();
            throw e;
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
        return dvrs.segmentDurationMs();
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
        return StreamJson.liveStreams(server.get("/streaming/streams"), dvrs);
    }

    @Override
    public LiveStream stream(long streamId) {
        return StreamJson.liveStream(server.get("/streaming/streams/" + streamId), dvrs);
    }

    @Override
    public LiveStream createStream(StreamDraft draft) {
        throw refusal(Feature.EDIT_STREAMS);
    }

    @Override
    public LiveStream updateStream(long streamId, StreamPatch patch) {
        throw refusal(Feature.EDIT_STREAMS);
    }

    @Override
    public void deleteStream(long streamId) {
        throw refusal(Feature.EDIT_STREAMS);
    }

    @Override
    public StreamState state(long streamId) {
        return StreamJson.state(streamId, server.get("/streaming/streams/" + streamId), dvrs.lastRead(streamId));
    }

    @Override
    public Optional<DiskStatus> disk() {
        return Optional.empty();
    }

    @Override
    public void addListener(SegmentListener listener) {
        dvrs.addListener(listener);
    }

    @Override
    public void removeListener(SegmentListener listener) {
        dvrs.removeListener(listener);
    }

    // ---- DVR

    @Override
    public List<Segment> segments(long streamId, long fromMs, long toMs) {
        return dvrs.segments(streamId, fromMs, toMs);
    }

    /** (ext) A Clipdesk server streams the segment it is writing; another server has none to share. */
    @Override
    public Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        return clipdesk ? dvrs.liveSegment(streamId, rendition) : Optional.empty();
    }

    @Override
    public SegmentMedia segment(long streamId, String rendition, long sequence) {
        return dvrs.segment(streamId, rendition, sequence);
    }

    @Override
    public Optional<byte[]> thumbnail(long streamId, long sequence) {
        return clipdesk ? dvrs.thumbnail(streamId, sequence) : Optional.empty();
    }

    @Override
    public AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets) {
        if (!clipdesk) {
            return AudioEnvelope.EMPTY;
        }
        return RemoteWaveform.read(server, streamId, fromMs, toMs, maxBuckets);
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
        require(Feature.DESCRIBE);
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

    @Override
    public SegmentMedia clipSegment(Clip clip, String rendition, int index) {
        require(Feature.REFRAME);
        return reframes.clipSegment(clip, rendition, index);
    }

    @Override
    public Reframe reframeClip(String clipId, ReframeAspect aspect, CropPath crop) {
        require(Feature.REFRAME);
        return reframes.create(clipId, aspect, crop);
    }

    @Override
    public List<Reframe> reframes(String clipId) {
        require(Feature.REFRAME);
        return reframes.list(clipId);
    }

    private void require(Feature feature) {
        if (!capabilities.can(feature)) {
            throw refusal(feature);
        }
    }

    /** What the desk is told when it asks for a feature this server lacks: the capability's own sentence. */
    private InvalidRequestException refusal(Feature feature) {
        return new InvalidRequestException(capabilities.whyNot(feature).orElseThrow());
    }

    @Override
    public InputStream openClipMp4(Clip clip) {
        return download(urls.clipMasterMp4(clip), clip.name());
    }

    private InputStream download(String url, String what) {
        if (url.isEmpty()) {
            throw new NotFoundException("The server gives no MP4 for " + what + ".");
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
        return videos.list();
    }

    @Override
    public void deleteVideo(long videoId) {
        videos.delete(videoId);
    }

    @Override
    public InputStream openVideoMp4(Video video, String rendition) {
        return download(urls.videoMp4(video, rendition), video.name());
    }

    // ---- delivery: not in the API, said by the capability

    @Override
    public List<Destination> destinations() {
        return List.of();
    }

    @Override
    public Destination saveDestination(Destination destination) {
        throw refusal(Feature.DELIVER);
    }

    @Override
    public void removeDestination(long destinationId) {
        throw refusal(Feature.DELIVER);
    }

    @Override
    public Delivery sendClip(String clipId, long destinationId, String origin) {
        throw refusal(Feature.DELIVER);
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
        throw refusal(Feature.DELIVER);
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
        return dvrs.cachedBytes();
    }

    @Override
    public void close() {
        dvrs.close();
        changes.close();
        server.close();
    }
}
