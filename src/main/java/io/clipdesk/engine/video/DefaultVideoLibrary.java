package io.clipdesk.engine.video;

import io.clipdesk.engine.FailureReason;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.RandomKeys;
import io.clipdesk.engine.clip.ClipPackager;
import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.StreamRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Permanent videos: a video row is reserved when the clip is asked for (so the response carries its id) and
 * filled from the clip's own files once the clip is ready, so it no longer depends on the DVR or the clip.
 */
public final class DefaultVideoLibrary implements VideoLibrary {

    private static final Logger LOG = Logger.getLogger(DefaultVideoLibrary.class.getName());

    private final DataLayout layout;
    private final Clock clock;
    private final VideoRepository videos;
    private final StreamRepository streams;
    private final ClipPackager packager;
    private final ChangeLog changes;
    /** Striped: one video is made by one thread at a time; a few stripes are plenty for a handful of cut threads. */
    private final Object[] makeLocks = new Object[16];

    public DefaultVideoLibrary(DataLayout layout, Clock clock, VideoRepository videos, StreamRepository streams,
                        ClipPackager packager, ChangeLog changes) {
        this.changes = changes;
        this.layout = layout;
        this.clock = clock;
        this.videos = videos;
        this.streams = streams;
        this.packager = packager;
        for (int i = 0; i < makeLocks.length; i++) {
            makeLocks[i] = new Object();
        }
    }

    @Override
    public List<Video> list() {
        return videos.list();
    }

    @Override
    public Video get(long videoId) {
        return videos.find(videoId).orElseThrow(() -> new NotFoundException("video " + videoId + " not found"));
    }

    @Override
    public void delete(long videoId) {
        Video video = get(videoId);
        DurableFiles.deleteTree(layout.videoDir(video.pathKey()));
        videos.delete(videoId);
        changed(ChangeType.VIDEO_DELETED, video);
    }

    /**
     * Copies the clip's finished reframes into its ready video (same file names, so their playlists hold), so they
     * outlive the clip as the video does. A video not made yet gets them when it is made.
     */
    public void keepReframes(Clip clip) {
        synchronized (lockOf(clip.videoId())) {
            videos.find(clip.videoId()).filter(v -> v.status() == VideoStatus.READY).ifPresent(v -> {
                try {
                    linkReframes(clip, layout.videoDir(v.pathKey()));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "the reframes of clip " + clip.id() + " were not kept in video " + v.id(), e);
                }
            });
        }
    }

    /** The reframes whose playlist is written (so they are complete), hard linked. */
    private void linkReframes(Clip clip, Path videoFolder) throws IOException {
        Path clipDir = layout.clipDir(clip.id());
        for (ReframeAspect aspect : ReframeAspect.values()) {
            Path playlist = clipDir.resolve(MediaPaths.reframePlaylist(clip.id(), aspect));
            if (!Files.exists(playlist)) {
                continue;
            }
            String prefix = MediaPaths.reframeMp4(clip.id(), aspect).replace(".mp4", "");
            try (java.util.stream.Stream<Path> files = Files.list(clipDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    if (!file.equals(playlist)) {
                        DurableFiles.linkOrCopy(file, videoFolder.resolve(file.getFileName().toString()));
                    }
                }
            }
            DurableFiles.linkOrCopy(playlist, videoFolder.resolve(playlist.getFileName().toString()));
        }
    }

    /** A video whose clip was replaced by an adjusted or trimmed one: gone with its files, whatever its state. */
    public void discard(long videoId) {
        synchronized (lockOf(videoId)) {
            videos.find(videoId).ifPresent(v -> {
                DurableFiles.deleteTree(layout.videoDir(v.pathKey()));
                videos.delete(videoId);
                changed(ChangeType.VIDEO_DELETED, v);
            });
        }
    }

    public long reserve(long streamId, String clipId, String name, ClipDescription description) {
        List<String> renditions = streams.find(streamId).map(s -> s.renditions().stream().map(Rendition::name)
                .toList()).orElse(List.of());
        Video video = videos.insert(new Video(0, RandomKeys.random(), streamId, clipId, name, VideoStatus.PENDING, "",
                0, clock.millis(), renditions, description));
        changed(ChangeType.VIDEO_CREATED, video);
        return video.id();
    }

    /** The title and description of the clip it was made from, which the editor changed. */
    public void describe(long videoId, String name, ClipDescription description) {
        synchronized (lockOf(videoId)) {
            videos.find(videoId).ifPresent(v -> {
                videos.update(v.withDescription(name, description));
                changed(ChangeType.VIDEO_UPDATED, v);
            });
        }
    }

    /** A pending video that will never be made: error, with the reason. One already ready or failed stays so. */
    public void fail(long videoId, String reason) {
        synchronized (lockOf(videoId)) {
            videos.find(videoId).filter(v -> v.status() == VideoStatus.PENDING)
                    .ifPresent(v -> {
                        videos.update(v.withStatus(VideoStatus.ERROR, reason));
                        changed(ChangeType.VIDEO_ERROR, v);
                    });
        }
    }

    /**
     * Copies a ready clip's segments into the pending video's folder and packages them; the video ends ready or in
     * error. Never throws. The clip's expiry and a "keep permanently" may both ask at once: one makes it.
     */
    public void materialize(Clip clip) {
        synchronized (lockOf(clip.videoId())) {
            Video video = videos.find(clip.videoId()).orElse(null);
            if (video != null && video.status() == VideoStatus.PENDING) {
                make(clip, video);
            }
        }
    }

    private Object lockOf(long videoId) {
        return makeLocks[(int) Math.floorMod(videoId, (long) makeLocks.length)];
    }

    private void make(Clip clip, Video video) {
        Path folder = layout.videoDir(video.pathKey());
        // What an earlier attempt (cut short by a stop) left is not trusted.
        DurableFiles.deleteTree(folder);
        try {
            List<Rendition> renditions = renditionsOf(clip);
            List<Segment> segments = List.of();
            ClipPackager.Names names = ClipPackager.Names.forVideo();
            Path clipDir = layout.clipDir(clip.id());
            for (Rendition rendition : renditions) {
                MediaPlaylist playlist = MediaPlaylist.parse(
                        Files.readString(clipDir.resolve(MediaPaths.clipPlaylist(clip.id(), rendition.name()))));
                List<Segment> fromPlaylist = new ArrayList<>();
                for (int i = 0; i < playlist.entries().size(); i++) {
                    MediaPlaylist.Entry entry = playlist.entries().get(i);
                    DurableFiles.linkOrCopy(clipDir.resolve(entry.uri()),
                            folder.resolve(names.segment().apply(rendition.name(), i)));
                    fromPlaylist.add(new Segment(clip.streamId(), i, entry.programDateTimeMs(), entry.durationUs(),
                            entry.discontinuity()));
                }
                segments = fromPlaylist;
            }
            long durationUs = packager.pack(folder, names, renditions, segments);
            Path thumb = clipDir.resolve(MediaPaths.clipScreenshot(clip.id()));
            if (Files.exists(thumb)) {
                DurableFiles.linkOrCopy(thumb, folder.resolve(MediaPaths.SCREENSHOT));
            }
            linkReframes(clip, folder);
            videos.update(video.withDurationMs(durationUs / 1000).withStatus(VideoStatus.READY, ""));
            changed(ChangeType.VIDEO_READY, video);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "video " + video.id() + " failed", e);
            videos.update(video.withStatus(VideoStatus.ERROR, "packaging failed: " + FailureReason.of(e)));
            changed(ChangeType.VIDEO_ERROR, video);
        }
    }

    private void changed(ChangeType type, Video video) {
        changes.publish(type, video.streamId(), video.clipId(), video.id());
    }

    /** Videos that were pending when the engine stopped: finish them from their clip, or say why not. */
    public void resume(ClipRepository clips) {
        for (Video video : videos.list()) {
            if (video.status() != VideoStatus.PENDING) {
                continue;
            }
            Clip clip = clips.find(video.clipId()).orElse(null);
            if (clip == null || clip.status() == ClipStatus.EXPIRED) {
                fail(video.id(), "the clip it was made from was deleted or expired before its copy was made");
            } else if (clip.status() == ClipStatus.FAILED) {
                fail(video.id(), "the clip it was made from failed: " + clip.error());
            } else if (clip.status() == ClipStatus.READY) {
                materialize(clip);
            }
            // RECORDING: the clip's own resume has begun it again (its finish makes the video) or failed it.
        }
    }

    public List<Rendition> renditionsOf(Clip clip) {
        List<Rendition> ladder = streams.find(clip.streamId()).map(LiveStream::renditions).orElse(List.of());
        List<Rendition> out = new ArrayList<>();
        for (String name : clip.renditions()) {
            out.add(ladder.stream().filter(r -> r.name().equals(name)).findFirst().orElseGet(() -> guess(name)));
        }
        return out;
    }

    /** The stream is gone: the name still says the height; assume 16:9. */
    private static Rendition guess(String name) {
        int height = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
        return new Rendition(name, (height * 16 / 9) & ~1, height, 1000);
    }
}
