package io.clipdesk.engine.storage;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.LivePlaylists;
import io.clipdesk.engine.stream.DefaultStreamService;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoRepository;
import io.clipdesk.engine.video.VideoStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves media URL names to files or generated playlists; the only door from HTTP to the data dir. */
public final class DefaultMediaFiles implements MediaFiles {

    private static final Pattern LIVE_SEGMENT = Pattern.compile("(media_[0-9]+_[0-9]+)_([0-9]{1,18})\\.ts");
    private static final int LIVE_EDGE_GRACE = 3;
    private static final Pattern LIVE_DVR = Pattern.compile("(media_[0-9]+_[0-9]+)_dvr\\.m3u8");
    private static final Pattern LIVE_THUMB = Pattern.compile("thumb_([0-9]{1,18})\\.jpg");

    private final EngineConfig config;
    private final Clock clock;
    private final ClipRepository clips;
    private final ClipLifecycle lifecycle;
    private final VideoRepository videos;
    private final DefaultStreamService streams;

    public DefaultMediaFiles(EngineConfig config, Clock clock, ClipRepository clips, VideoRepository videos,
                      DefaultStreamService streams) {
        this.config = config;
        this.clock = clock;
        this.clips = clips;
        this.lifecycle = config.clipLifecycle();
        this.videos = videos;
        this.streams = streams;
    }

    @Override
    public MediaContent clip(long streamId, String fileName) {
        String clipId = MediaPaths.isSafeName(fileName) ? MediaPaths.clipIdOf(fileName).orElse(null) : null;
        Clip clip = clipId == null ? null : clips.find(clipId).filter(c -> c.streamId() == streamId).orElse(null);
        long nowMs = clock.millis();
        ClipPhase phase = clip == null ? ClipPhase.EXPIRED : lifecycle.phaseAt(clip, nowMs);
        switch (phase) {
            case EXPIRED -> throw new NotFoundException("no such clip media (unknown, deleted or expired)");
            case FAILED -> throw new NotFoundException("clip " + clip.id() + " failed: " + clip.error());
            case RECORDING -> {
                long readyAtMs = lifecycle.retryAtMs(clip, nowMs);
                throw new TooEarlyException("clip " + clip.id() + " is still being recorded; it will be ready at "
                        + Instant.ofEpochMilli(readyAtMs) + " (start + duration = " + clip.endS() + ")", readyAtMs);
            }
            case READY -> { }
        }
        MediaContent.FileContent file = file(config.layout().clipDir(clip.id()).resolve(fileName), fileName, true);
        return new MediaContent.FileContent(file.path(), file.contentType(), true, lifecycle.expiresAtMs(clip));
    }

    @Override
    public MediaContent video(String pathKey, String fileName) {
        MediaPaths.KeyedId keyed = MediaPaths.parseKeyed(pathKey).orElse(null);
        Video video = keyed == null || !MediaPaths.isSafeName(fileName) ? null
                : videos.find(keyed.id()).filter(v -> v.mediaKey().equals(keyed.key())).orElse(null);
        if (video == null) {
            throw new NotFoundException("no such video media");
        }
        if (video.status() != VideoStatus.READY) {
            throw new NotFoundException("video " + video.id() + " is " + video.status().wire()
                    + (video.error().isEmpty() ? "" : ": " + video.error()));
        }
        return file(config.layout().videoDir(video.pathKey()).resolve(fileName), fileName, true);
    }

    @Override
    public Optional<LiveSegment> liveSegment(String liveKey, String rendition) {
        MediaPaths.KeyedId keyed = MediaPaths.parseKeyed(liveKey).orElse(null);
        LiveStream stream = keyed == null ? null : streams.list().stream()
                .filter(s -> s.id() == keyed.id() && s.mediaKey().equals(keyed.key())).findFirst().orElse(null);
        if (stream == null || !hasRendition(stream, rendition)) {
            throw new NotFoundException("no such live media");
        }
        return streams.liveSegment(stream.id(), rendition);
    }

    @Override
    public int segmentDurationMs() {
        return config.segmentDurationMs();
    }

    @Override
    public MediaContent live(String liveKey, String fileName) {
        MediaPaths.KeyedId keyed = MediaPaths.parseKeyed(liveKey).orElse(null);
        LiveStream stream = keyed == null || !MediaPaths.isSafeName(fileName) ? null
                : streams.list().stream().filter(s -> s.id() == keyed.id() && s.mediaKey().equals(keyed.key()))
                .findFirst().orElse(null);
        if (stream == null) {
            throw new NotFoundException("no such live media");
        }
        Matcher m;
        if (fileName.equals(MediaPaths.LIVE_INDEX)) {
            List<Segment> latest = nonEmpty(streams.latestSegments(stream.id(), config.liveWindowSegments()), stream);
            return text(LivePlaylists.media(stream.topRendition().name(), latest));
        }
        if (fileName.equals(MediaPaths.LIVE_DVR_MASTER)) {
            return text(LivePlaylists.dvrMaster(stream));
        }
        if ((m = LIVE_DVR.matcher(fileName)).matches() && hasRendition(stream, m.group(1))) {
            List<Segment> all = nonEmpty(streams.segments(stream.id(), Long.MIN_VALUE, Long.MAX_VALUE), stream);
            return text(LivePlaylists.media(m.group(1), all));
        }
        if ((m = LIVE_SEGMENT.matcher(fileName)).matches() && hasRendition(stream, m.group(1))) {
            return file(config.layout().dvrSegment(stream.id(), m.group(1), Long.parseLong(m.group(2))), fileName,
                    true);
        }
        if ((m = LIVE_THUMB.matcher(fileName)).matches()) {
            return file(config.layout().thumbnail(stream.id(), Long.parseLong(m.group(1))), fileName, true);
        }
        if (fileName.equals(MediaPaths.SCREENSHOT)) {
            Segment newest = nonEmpty(streams.latestSegments(stream.id(), 1), stream).get(0);
            return file(config.layout().thumbnail(stream.id(), newest.sequence()), fileName, false);
        }
        throw new NotFoundException("no such live media");
    }

    @Override
    public MediaContent liveEdge(long streamId, String fileName) {
        LiveStream stream = streams.get(streamId);
        String rendition = stream.topRendition().name();
        // A player may still fetch a segment a few reloads after it left the playlist.
        List<Segment> edge = nonEmpty(
                streams.latestSegments(stream.id(), config.liveWindowSegments() + LIVE_EDGE_GRACE), stream);
        if (fileName.equals(MediaPaths.LIVE_INDEX)) {
            return text(LivePlaylists.media(rendition, edge.subList(Math.max(0, edge.size()
                    - config.liveWindowSegments()), edge.size())));
        }
        Matcher m = LIVE_SEGMENT.matcher(fileName);
        if (m.matches() && m.group(1).equals(rendition)) {
            long sequence = Long.parseLong(m.group(2));
            if (edge.stream().anyMatch(s -> s.sequence() == sequence)) {
                return file(config.layout().dvrSegment(stream.id(), rendition, sequence), fileName, false);
            }
        }
        throw new NotFoundException("no such live media: only the last few segments are served by stream id");
    }

    private static List<Segment> nonEmpty(List<Segment> segments, LiveStream stream) {
        if (segments.isEmpty()) {
            throw new NotFoundException("stream " + stream.id() + " has no media yet");
        }
        return segments;
    }

    private static boolean hasRendition(LiveStream stream, String rendition) {
        return stream.renditions().stream().anyMatch(r -> r.name().equals(rendition));
    }

    private static MediaContent text(String playlist) {
        return new MediaContent.TextContent(playlist, MediaContent.HLS, false);
    }

    private static MediaContent.FileContent file(Path path, String fileName, boolean immutable) {
        if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("no such media: " + fileName);
        }
        return new MediaContent.FileContent(path, MediaContent.typeOf(fileName), immutable);
    }
}
