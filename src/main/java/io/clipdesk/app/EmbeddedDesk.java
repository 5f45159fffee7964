package io.clipdesk.app;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskChange;
import io.clipdesk.desk.MediaUrls;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.change.ChangeLog;
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
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.engine.video.Video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The desk's backend over the engine embedded in this process: every call goes straight to the engine's services,
 * and DVR segments and thumbnails are read from its data dir (only here does the desk's side touch those files).
 * The engine stays the caller's: {@link #close()} leaves it running.
 */
public final class EmbeddedDesk implements DeskBackend {

    private final ClipEngine engine;
    private final String address;
    private final MediaUrls urls;
    private final String editor;

    /** For the OS user of this machine (the local desk has no sign-in). */
    public EmbeddedDesk(ClipEngine engine, String address) {
        this(engine, address, System.getProperty("user.name", ""));
    }

    /** @param address the engine's HTTP base URL (clip previews play from it), or a word such as "embedded" */
    public EmbeddedDesk(ClipEngine engine, String address, String editor) {
        this.engine = engine;
        this.editor = editor == null ? "" : editor.strip();
        this.address = address == null ? "" : address;
        this.urls = MediaUrls.under(this.address);
    }

    @Override
    public String describe() {
        return urls.available() ? "local engine · " + address : "local engine";
    }

    /** The engine's own change log: every change, pushed on the thread that made it. */
    @Override
    public ChangeFeed changes() {
        return new ChangeFeed() {
            @Override
            public boolean pushes() {
                return true;
            }

            @Override
            public Subscription follow(Consumer<DeskChange> listener) {
                ChangeLog.Subscription followed = engine.changes().follow(null,
                        event -> listener.accept(DeskChange.of(event)));
                return followed::close;
            }
        };
    }

    @Override
    public String editor() {
        return editor;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Clock clock() {
        return engine.clock();
    }

    @Override
    public ZoneId zone() {
        return engine.config().zone();
    }

    @Override
    public int segmentDurationMs() {
        return engine.config().segmentDurationMs();
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    public List<Destination> destinations() {
        return engine.deliveries().destinations();
    }

    @Override
    public Destination saveDestination(Destination destination) {
        return engine.deliveries().save(destination);
    }

    @Override
    public void removeDestination(long destinationId) {
        engine.deliveries().remove(destinationId);
    }

    @Override
    public Delivery sendClip(String clipId, long destinationId, String origin) {
        return engine.deliveries().send(clipId, destinationId, origin);
    }

    @Override
    public List<Delivery> deliveries(String clipId) {
        return engine.deliveries().ofClip(clipId);
    }

    @Override
    public List<AutoSend> autoSends() {
        return engine.deliveries().autoSends();
    }

    @Override
    public void autoSend(String tag, long destinationId) {
        engine.deliveries().autoSend(tag, destinationId);
    }

    @Override
    public MediaUrls mediaUrls() {
        return urls;
    }

    @Override
    public List<LiveStream> streams() {
        return engine.streams().list();
    }

    @Override
    public LiveStream stream(long streamId) {
        return engine.streams().get(streamId);
    }

    @Override
    public LiveStream createStream(StreamDraft draft) {
        return engine.streams().create(draft);
    }

    @Override
    public LiveStream updateStream(long streamId, StreamPatch patch) {
        return engine.streams().update(streamId, patch);
    }

    @Override
    public void deleteStream(long streamId) {
        engine.streams().delete(streamId);
    }

    @Override
    public StreamState state(long streamId) {
        return engine.streams().state(streamId);
    }

    @Override
    public Optional<DiskStatus> disk() {
        return Optional.of(engine.health().report().disk());
    }

    @Override
    public void addListener(SegmentListener listener) {
        engine.streams().addListener(listener);
    }

    @Override
    public void removeListener(SegmentListener listener) {
        engine.streams().removeListener(listener);
    }

    @Override
    public List<Segment> segments(long streamId, long fromMs, long toMs) {
        return engine.streams().segments(streamId, fromMs, toMs);
    }

    @Override
    public Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        return engine.streams().liveSegment(streamId, rendition);
    }

    @Override
    public SegmentMedia segment(long streamId, String rendition, long sequence) {
        return SegmentMedia.read(engine.layout().dvrSegment(streamId, rendition, sequence));
    }

    @Override
    public Optional<byte[]> thumbnail(long streamId, long sequence) {
        try {
            return Optional.of(Files.readAllBytes(engine.layout().thumbnail(streamId, sequence)));
        } catch (IOException e) {
            return Optional.empty(); // not made yet, or gone with its segment
        }
    }

    @Override
    public AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets) {
        return engine.streams().waveform(streamId, fromMs, toMs, maxBuckets);
    }

    @Override
    public List<Clip> clips(long streamId) {
        return engine.clips().list(streamId);
    }

    @Override
    public Clip createClip(ClipRequest request) {
        return engine.clips().create(request);
    }

    @Override
    public void deleteClip(String clipId) {
        engine.clips().delete(clipId);
    }

    @Override
    public Clip keepClip(String clipId) {
        return engine.clips().keepPermanent(clipId);
    }

    @Override
    public Clip describeClip(String clipId, String name, ClipDescription description) {
        return engine.clips().describe(clipId, name, description);
    }

    @Override
    public InputStream openClipMp4(Clip clip) {
        return open(engine.media().clip(clip.streamId(), MediaPaths.clipMasterMp4(clip.id())));
    }

    @Override
    public Optional<Path> clipFolder(Clip clip) {
        return Optional.of(engine.layout().clipDir(clip.id()));
    }

    @Override
    public Optional<Path> clipMp4File(Clip clip) {
        try {
            if (engine.media().clip(clip.streamId(), MediaPaths.clipMasterMp4(clip.id()))
                    instanceof MediaContent.FileContent file) {
                return Optional.of(file.path());
            }
        } catch (RuntimeException notThere) {
            // recording or expired: no file (yet)
        }
        return Optional.empty();
    }

    @Override
    public Clip adjustClip(String clipId, long fromMs, long toMs) {
        return engine.clips().adjust(clipId, fromMs, toMs);
    }

    @Override
    public Clip trimClip(String clipId, long fromMs, long toMs) {
        return engine.clips().trim(clipId, fromMs, toMs);
    }

    @Override
    public SegmentMedia clipSegment(Clip clip, String rendition, int index) {
        if (!(engine.media().clip(clip.streamId(), MediaPaths.clipSegment(clip.id(), rendition, index))
                instanceof MediaContent.FileContent file)) {
            throw new NotFoundException("clip " + clip.id() + " has no segment " + index);
        }
        return SegmentMedia.read(file.path());
    }

    @Override
    public Reframe reframeClip(String clipId, ReframeAspect aspect, CropPath crop) {
        return engine.reframes().request(clipId, aspect, crop);
    }

    @Override
    public List<Reframe> reframes(String clipId) {
        return engine.reframes().list(clipId);
    }

    @Override
    public List<Video> videos() {
        return engine.videos().list();
    }

    @Override
    public void deleteVideo(long videoId) {
        engine.videos().delete(videoId);
    }

    @Override
    public InputStream openVideoMp4(Video video, String rendition) {
        return open(engine.media().video(video.pathKey(), MediaPaths.videoMp4(rendition)));
    }

    private static InputStream open(MediaContent media) {
        if (!(media instanceof MediaContent.FileContent file)) {
            throw new NotFoundException("the MP4 is not a stored file");
        }
        try {
            return Files.newInputStream(file.path());
        } catch (IOException e) {
            throw new NotFoundException("the MP4 is gone: " + file.path().getFileName());
        }
    }

    @Override
    public Optional<String> setting(String key) {
        return engine.settings().get(key);
    }

    @Override
    public void putSetting(String key, String value) {
        engine.settings().put(key, value);
    }

    @Override
    public void close() {
        // The engine belongs to whoever opened it (the app, a test): nothing of the desk's runs here.
    }
}
