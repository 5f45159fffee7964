package io.clipdesk.engine.reframe;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.FailureReason;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.RandomKeys;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.Remuxer;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.DefaultVideoLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reframes on the embedded engine: a row per (clip, aspect), encoded on the one {@code reframe} thread (an encode
 * takes both cores of a small desk; two at once would only make both late), into the clip's own folder so it is
 * served, expired and kept with the clip. The playlist is written last: until then the version is not there.
 */
public final class DefaultReframeService implements ReframeService {

    private static final Logger LOG = Logger.getLogger(DefaultReframeService.class.getName());

    private final EngineConfig config;
    private final Clock clock;
    private final ClipService clipService;
    private final ClipRepository clips;
    private final ReframeRepository reframes;
    private final Reframer reframer;
    private final Remuxer remuxer;
    private final DefaultVideoLibrary videos;
    private final ExecutorService worker;
    private final Map<String, Double> progress = new ConcurrentHashMap<>();

    public DefaultReframeService(EngineConfig config, Clock clock, ClipService clipService, ClipRepository clips,
                          ReframeRepository reframes, Reframer reframer, Remuxer remuxer, DefaultVideoLibrary videos,
                          ExecutorService worker) {
        this.config = config;
        this.clock = clock;
        this.clipService = clipService;
        this.clips = clips;
        this.reframes = reframes;
        this.reframer = reframer;
        this.remuxer = remuxer;
        this.videos = videos;
        this.worker = worker;
    }

    @Override
    public synchronized Reframe request(String clipId, ReframeAspect aspect, CropPath crop) {
        Clip clip = clipService.get(clipId);
        if (config.clipLifecycle().phaseAt(clip, clock.millis()) != ClipPhase.READY) {
            throw new ClipRejectedException(ClipRejectedException.Rule.REFRAME_NOT_READY, "REFRAME_NOT_READY: clip "
                    + clipId + " has no media to reframe yet (" + clip.status().wire() + "); ask when it is ready");
        }
        for (Reframe earlier : reframes.listByClip(clipId)) {
            if (earlier.aspect() == aspect) {
                if (earlier.status().inFlight()) {
                    throw new ClipRejectedException(ClipRejectedException.Rule.REFRAME_NOT_READY, "REFRAME_NOT_READY:"
                            + " the " + aspect.wire() + " version of clip " + clipId + " is being made; ask again"
                            + " when it is " + "ready to make it with another crop");
                }
                reframes.delete(earlier.id());
            }
        }
        Reframe reframe = new Reframe(RandomKeys.random(), clipId, clip.streamId(), aspect, crop, ReframeStatus.QUEUED,
                "", clock.millis(), 0, 0);
        reframes.insert(reframe);
        queue(reframe);
        return reframe;
    }

    @Override
    public List<Reframe> list(String clipId) {
        clipService.get(clipId);
        return reframes.listByClip(clipId).stream().map(this::withProgress).toList();
    }

    private Reframe withProgress(Reframe r) {
        Double done = progress.get(r.id());
        return done == null ? r : r.withProgress(done);
    }

    private void queue(Reframe reframe) {
        try {
            worker.execute(() -> make(reframe.id()));
        } catch (RejectedExecutionException e) {
            // Shutting down: the row stays queued and is made at the next start.
        }
    }

    /** The {@code reframe} thread: one version, start to end; never throws. */
    private void make(String reframeId) {
        Reframe reframe = reframes.find(reframeId).orElse(null);
        Clip clip = reframe == null ? null : clips.find(reframe.clipId()).orElse(null);
        if (reframe == null || reframe.status() != ReframeStatus.QUEUED) {
            return;
        }
        if (clip == null || clip.status() != ClipStatus.READY) {
            reframes.update(reframe.withStatus(ReframeStatus.FAILED, "the clip was deleted or expired first"));
            return;
        }
        reframes.update(reframe.withStatus(ReframeStatus.ENCODING, ""));
        progress.put(reframeId, 0.0);
        Path folder = config.layout().clipDir(clip.id());
        ReframeAspect aspect = reframe.aspect();
        try {
            List<Long> durationsUs = reframer.encode(folder.resolve(MediaPaths.clipMasterMp4(clip.id())), aspect,
                    reframe.crop(), config.segmentDurationMs(),
                    i -> folder.resolve(MediaPaths.reframeSegment(clip.id(), aspect, i)),
                    done -> progress.put(reframeId, Math.min(0.99, done)));
            List<MediaPlaylist.Entry> entries = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            long atMs = clip.cutStartMs();
            for (int i = 0; i < durationsUs.size(); i++) {
                String name = MediaPaths.reframeSegment(clip.id(), aspect, i);
                entries.add(new MediaPlaylist.Entry(name, durationsUs.get(i), atMs, false));
                files.add(folder.resolve(name));
                atMs += durationsUs.get(i) / 1000;
            }
            Remuxer.RemuxResult mp4 = remuxer.toMp4(files, folder.resolve(reframe.mp4Name()));
            DurableFiles.writeString(folder.resolve(reframe.playlistName()), MediaPlaylist.vod(entries).write());
            Reframe ready = reframe.withDurationMs(mp4.durationUs() / 1000).withStatus(ReframeStatus.READY, "");
            reframes.update(ready);
            Clip latest = clips.find(clip.id()).orElse(clip);
            if (latest.hasVideo()) {
                videos.keepReframes(latest);
            }
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return; // the engine is stopping: the row stays in flight and resume() makes it again
            }
            LOG.log(Level.WARNING, "reframe " + reframeId + " of clip " + clip.id() + " failed", e);
            deleteFiles(clip.id(), aspect);
            reframes.find(reframeId).ifPresent(r -> reframes.update(r.withStatus(ReframeStatus.FAILED,
                    Files.isDirectory(folder) ? "encoding failed: " + FailureReason.of(e)
                            : "the clip was deleted or expired while it was being made")));
        } finally {
            progress.remove(reframeId);
        }
    }

    private void deleteFiles(String clipId, ReframeAspect aspect) {
        String prefix = MediaPaths.reframeMp4(clipId, aspect).replace(".mp4", "");
        try (Stream<Path> files = Files.list(config.layout().clipDir(clipId))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException gone) {
            // the clip's folder went with the clip
        }
    }

    /**
     * The expiry tick: a reframe goes with its clip (its files went with the clip's folder), unless the clip was kept
     * as a permanent video, which holds copies of them.
     */
    public void sweep() {
        long nowMs = clock.millis();
        for (Reframe r : reframes.listAll()) {
            Clip clip = clips.find(r.clipId()).orElse(null);
            if (clip == null || !config.clipLifecycle().aliveAt(clip, nowMs)) {
                if (clip == null || !clip.hasVideo() || r.status() != ReframeStatus.READY) {
                    reframes.delete(r.id());
                }
            }
        }
    }

    /** After a restart: what was queued or half made is made again from the start, in the order it was asked. */
    public void resume() {
        reframes.listAll().stream().filter(r -> r.status().inFlight())
                .sorted(Comparator.comparingLong(Reframe::createdAtMs)).forEach(r -> {
                    deleteFiles(r.clipId(), r.aspect());
                    Reframe queued = r.withStatus(ReframeStatus.QUEUED, "");
                    reframes.update(queued);
                    queue(queued);
                });
    }
}
