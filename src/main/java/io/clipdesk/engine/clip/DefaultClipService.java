package io.clipdesk.engine.clip;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.FailureReason;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.RandomKeys;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.dvr.DvrGaps;
import io.clipdesk.engine.dvr.DvrSlice;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.storage.DiskBudget;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.stream.DefaultStreamService;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.video.DefaultVideoLibrary;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Instant clips on the embedded engine: validates with {@link ClipPolicy}, copies covering DVR segments
 * into the clip's own folder as they exist (hard links; a frame-accurate clip's two ends trimmed by
 * {@link ClipEdges}), packages HLS + MP4 once the range is complete, and expires clips on time.
 */
public final class DefaultClipService implements ClipService, SegmentListener {

    private static final Logger LOG = Logger.getLogger(DefaultClipService.class.getName());

    private final EngineConfig config;
    private final Clock clock;
    private final DefaultStreamService streams;
    private final ClipRepository clips;
    private final DefaultVideoLibrary videos;
    private final ClipPackager packager;
    private final ClipEdges edges;
    private final ExecutorService cutPool;
    private final Map<String, ClipRecording> recordings = new ConcurrentHashMap<>();
    private final ClipLifecycle lifecycle;
    private final ClipTrims trims;
    private final ChangeLog changes;

    public DefaultClipService(EngineConfig config, Clock clock, DefaultStreamService streams, ClipRepository clips,
                       DefaultVideoLibrary videos, ClipPackager packager, ClipEdges edges, ExecutorService cutPool,
                       ChangeLog changes) {
        this.changes = changes;
        this.config = config;
        this.clock = clock;
        this.streams = streams;
        this.clips = clips;
        this.videos = videos;
        this.packager = packager;
        this.edges = edges;
        this.cutPool = cutPool;
        this.lifecycle = config.clipLifecycle();
        this.trims = new ClipTrims(config, videos, packager, edges);
    }

    @Override
    public Clip create(ClipRequest request) {
        LiveStream stream = streams.get(request.streamId());
        long nowMs = clock.millis();
        ClipPlan plan = ClipPolicy.plan(request, stream, streams.window(stream.id()), nowMs, config.zone());
        // Before anything is written: no row, no folder, no reserved video for a clip the disk cannot hold.
        streams.requireRoom(DiskBudget.clipBytes(stream.renditions(), plan.durationS(), config.segmentDurationMs(),
                request.vodRequired()), "a " + plan.durationS() + " s clip" + (request.vodRequired()
                ? " with a permanent video" : ""));
        String id = RandomKeys.random();
        long videoId = request.vodRequired()
                ? videos.reserve(stream.id(), id, plan.name(), request.description()) : 0;
        Clip clip = new Clip(id, stream.id(), plan.name(), plan.startS(), (int) plan.durationS(), plan.expirationS(),
                nowMs, request.vodRequired(), videoId, stream.renditions().stream().map(Rendition::name).toList(),
                ClipStatus.RECORDING, "", 0, 0, request.accuracy(), 0, plan.exactRange(),
                request.description());
        clips.insert(clip);
        changed(ChangeType.CLIP_CREATED, clip);
        begin(clip, stream.renditions());
        return clip;
    }

    @Override
    public List<Clip> list(long streamId) {
        streams.get(streamId);
        long nowMs = clock.millis();
        return clips.listByStream(streamId).stream().filter(c -> lifecycle.aliveAt(c, nowMs)).toList();
    }

    @Override
    public Clip get(String clipId) {
        Clip clip = RandomKeys.isValid(clipId) ? clips.find(clipId).orElse(null) : null;
        if (clip == null || !lifecycle.aliveAt(clip, clock.millis())) {
            throw new NotFoundException("clip " + clipId + " not found (unknown, deleted or expired)");
        }
        return clip;
    }

    /** Serialized with {@link #keepPermanent} and the sweep, so a video asked for meanwhile is settled too. */
    @Override
    public synchronized void delete(String clipId) {
        expire(get(clipId), ChangeType.CLIP_DELETED);
    }

    @Override
    public synchronized Clip keepPermanent(String clipId) {
        Clip clip = get(clipId);
        if (clip.hasVideo()) {
            return clip;
        }
        if (clip.status() == ClipStatus.FAILED) {
            throw new InvalidRequestException("clip " + clipId + " failed (" + clip.error() + "); nothing to keep");
        }
        long videoId = videos.reserve(clip.streamId(), clip.id(), clip.name(), clip.description());
        ClipRecording recording = recordings.get(clipId);
        if (recording != null) {
            synchronized (recording) {
                if (!recording.done()) {
                    // Still recording: finish() reads the video id from the stored row.
                    Clip updated = clips.find(clipId).orElse(clip).withVideo(videoId);
                    clips.update(updated);
                    changed(ChangeType.CLIP_UPDATED, updated);
                    return updated;
                }
            }
        }
        // The recording ended since get(): the stored row says how (a stale copy would undo its READY).
        Clip latest = clips.find(clipId).orElse(clip);
        Clip updated = latest.withVideo(videoId);
        clips.update(updated);
        changed(ChangeType.CLIP_UPDATED, updated);
        switch (latest.status()) {
            case READY -> cutPool.execute(() -> videos.materialize(updated));
            case FAILED -> videos.fail(videoId, "the clip it was made from failed: " + latest.error());
            case EXPIRED -> videos.fail(videoId, "the clip it was made from was deleted before its copy was made");
            case RECORDING -> { } // its finish or its expiry settles the video
        }
        return updated;
    }

    /** Under the recording's lock as its finish, so neither writes over the other's change with a stale row. */
    @Override
    public synchronized Clip describe(String clipId, String name, ClipDescription description) {
        String title = ClipPolicy.title(name);
        Clip clip = get(clipId);
        ClipRecording recording = recordings.get(clipId);
        Clip updated;
        synchronized (recording != null ? recording : this) {
            updated = clips.find(clipId).orElse(clip).withDescription(title, description);
            clips.update(updated);
        }
        changed(ChangeType.CLIP_UPDATED, updated);
        if (updated.hasVideo()) {
            videos.describe(updated.videoId(), title, description);
        }
        return updated;
    }

    /** Serialized with delete and the sweep: the old clip goes only once the corrected one is recording. */
    @Override
    public synchronized Clip adjust(String clipId, long fromMs, long toMs) {
        Clip old = get(clipId);
        Clip corrected = create(ClipPolicy.adjusted(old, fromMs, toMs, streams.window(old.streamId())));
        retire(old);
        return corrected;
    }

    @Override
    public synchronized Clip trim(String clipId, long fromMs, long toMs) {
        Clip old = clips.find(get(clipId).id()).orElseThrow();
        ExactRange range = ClipPolicy.trimmed(old, fromMs, toMs);
        String id = RandomKeys.random();
        long videoId = old.hasVideo() ? videos.reserve(old.streamId(), id, old.name(), old.description()) : 0;
        Clip trimmed;
        try {
            trimmed = trims.cut(old, range, id, videoId, clock.millis());
        } catch (IOException | RuntimeException e) {
            DurableFiles.deleteTree(config.layout().clipDir(id));
            if (videoId > 0) {
                videos.fail(videoId, "trimming the clip it was made from failed: " + FailureReason.of(e));
            }
            throw new MediaException("cannot trim clip " + clipId + ": " + FailureReason.of(e), e);
        }
        clips.insert(trimmed);
        changed(ChangeType.CLIP_CREATED, trimmed);
        changed(ChangeType.CLIP_READY, trimmed);
        if (trimmed.hasVideo()) {
            cutPool.execute(() -> videos.materialize(trimmed));
        }
        retire(old);
        return trimmed;
    }

    /**
     * The clip an adjust or trim replaced: it goes with its files, and its permanent video with it (the new clip
     * makes its own), so the desk and scripts see one clip, not two.
     */
    private void retire(Clip old) {
        ClipRecording recording = recordings.get(old.id());
        if (recording != null) {
            synchronized (recording) {
                recording.markDone();
                recordings.remove(old.id());
            }
        }
        Clip latest = clips.find(old.id()).orElse(old);
        DurableFiles.deleteTree(config.layout().clipDir(old.id()));
        clips.update(latest.withStatus(ClipStatus.EXPIRED, latest.error()));
        changed(ChangeType.CLIP_DELETED, latest);
        if (latest.hasVideo()) {
            videos.discard(latest.videoId());
        }
    }

    @Override
    public void onSegment(Segment segment) {
        for (ClipRecording recording : recordings.values()) {
            if (recording.clip().streamId() == segment.streamId()) {
                schedule(recording);
            }
        }
    }

    /** The expiry tick: expires clips past their expiration and finishes recordings the stream left hanging. */
    public synchronized void sweep() {
        long nowMs = clock.millis();
        for (ClipRecording recording : recordings.values()) {
            schedule(recording);
        }
        for (ClipStatus status : List.of(ClipStatus.READY, ClipStatus.RECORDING, ClipStatus.FAILED)) {
            for (Clip clip : clips.listByStatus(status)) {
                if (!lifecycle.aliveAt(clip, nowMs)) {
                    expire(clip, ChangeType.CLIP_EXPIRED);
                }
            }
        }
    }

    /** After a restart: clips that were recording resume while the DVR still holds their start. */
    public void resume() {
        for (Clip clip : clips.listByStatus(ClipStatus.RECORDING)) {
            LiveStream stream = streams.list().stream().filter(s -> s.id() == clip.streamId()).findFirst().orElse(null);
            DvrWindow window = stream == null ? DvrWindow.EMPTY : streams.window(stream.id());
            long toleranceMs = config.segmentDurationMs();
            if (stream == null || window.isEmpty() || window.startMs() > clip.startS() * 1000 + toleranceMs) {
                DurableFiles.deleteTree(config.layout().clipDir(clip.id()));
                fail(clip, "the engine stopped while this clip was recording and the DVR no longer holds its start");
                continue;
            }
            DurableFiles.deleteTree(config.layout().clipDir(clip.id()));
            begin(clip, stream.renditions());
        }
    }

    private void begin(Clip clip, List<Rendition> renditions) {
        ClipRecording recording = new ClipRecording(clip, renditions, config.layout().clipDir(clip.id()));
        recordings.put(clip.id(), recording);
        schedule(recording);
    }

    private void schedule(ClipRecording recording) {
        try {
            cutPool.execute(() -> advance(recording));
        } catch (RejectedExecutionException e) {
            // The engine is shutting down; the clip resumes at the next start.
        }
    }

    private void advance(ClipRecording recording) {
        synchronized (recording) {
            if (recording.done()) {
                return;
            }
            Clip clip = recording.clip();
            try {
                // One read for both: a segment landing between a read of the list and a look at the window
                // would finish the clip without it.
                DvrSlice slice = streams.slice(clip.streamId(), recording.fromMs(), recording.toMs());
                List<Segment> fresh = recording.fresh(slice.segments());
                for (Segment segment : fresh) {
                    if (clip.accuracy() == ClipAccuracy.FRAME) {
                        edges.deliver(recording, segment);
                    } else {
                        ClipPackager.linkSegment(config.layout(), recording.folder(),
                                ClipPackager.Names.forClip(clip.id()), recording.renditions(), segment,
                                recording.linkedCount());
                        recording.addLinked(segment);
                    }
                }
                // Ready at the whole-second end even when an exact range ends earlier: readiness, the countdown
                // and the media files all count from endS, so a clip is never READY yet refused as too early.
                long endMs = clip.endS() * 1000;
                long newestEndMs = slice.window().endMs();
                long overdueMs = endMs + 30_000 + 2L * config.segmentDurationMs();
                if (newestEndMs >= endMs || clock.millis() > overdueMs) {
                    finish(recording);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "clip " + clip.id() + " failed", e);
                recording.markDone();
                fail(clip, "copying from the DVR failed: " + FailureReason.of(e));
                recordings.remove(clip.id());
            }
        }
    }

    /**
     * Runs under the recording's monitor and leaves the map last, so a delete or an expiry of the same clip
     * waits for it and then wins; a finished clip never comes back from the dead.
     */
    private void finish(ClipRecording recording) throws IOException {
        recording.markDone();
        try {
            Clip clip = clips.find(recording.clip().id()).orElse(recording.clip());
            List<Segment> linked = recording.linked();
            if (linked.isEmpty()) {
                fail(clip, "the DVR holds no media between " + Instant.ofEpochSecond(clip.startS()) + " and "
                        + Instant.ofEpochSecond(clip.endS()));
                return;
            }
            packager.pack(recording.folder(), ClipPackager.Names.forClip(clip.id()), recording.renditions(),
                    linked);
            Clip ready = clip.withCut(linked.get(0).startMs(), recording.cutEndMs(),
                    DvrGaps.clipMissingMs(linked, clip.fromMs(), clip.toMs(), recording.cutEndMs()))
                    .withStatus(ClipStatus.READY, "");
            clips.update(ready);
            changed(ChangeType.CLIP_READY, ready);
            if (ready.hasVideo()) {
                videos.materialize(ready);
            }
        } finally {
            recordings.remove(recording.clip().id());
        }
    }

    /** Marks the stored row (which may have gained a video since the recording began) and fails its video. */
    private void fail(Clip clip, String reason) {
        Clip latest = clips.find(clip.id()).orElse(clip);
        clips.update(latest.withStatus(ClipStatus.FAILED, reason));
        changed(ChangeType.CLIP_FAILED, latest);
        if (latest.hasVideo()) {
            videos.fail(latest.videoId(), "the clip it was made from failed: " + reason);
        }
    }

    /**
     * Stops a recording in progress (waiting for a finish under way), settles the clip's video, then deletes the
     * files and marks the row.
     *
     * @param gone {@link ChangeType#CLIP_DELETED} or {@link ChangeType#CLIP_EXPIRED}: what followers are told, and
     *             what the video's error says happened to its clip
     */
    private void expire(Clip clip, ChangeType gone) {
        String why = gone == ChangeType.CLIP_DELETED ? "was deleted" : "expired";
        ClipRecording recording = recordings.get(clip.id());
        if (recording != null) {
            synchronized (recording) {
                recording.markDone();
                recordings.remove(clip.id());
            }
        }
        Clip latest = clips.find(clip.id()).orElse(null);
        if (latest != null && latest.hasVideo()) {
            settleVideo(latest, why);
        }
        DurableFiles.deleteTree(config.layout().clipDir(clip.id()));
        if (latest != null) {
            clips.update(latest.withStatus(ClipStatus.EXPIRED, latest.error()));
            changed(gone, latest);
        }
    }

    private void changed(ChangeType type, Clip clip) {
        changes.publish(type, clip.streamId(), clip.id(), clip.videoId());
    }

    /**
     * A video ends ready or in error, never pending: one asked for a ready clip is made now from the clip's files,
     * which are about to go (nothing to do when it is made already); one whose clip never got its media fails.
     */
    private void settleVideo(Clip clip, String why) {
        if (clip.status() == ClipStatus.READY) {
            videos.materialize(clip);
        } else {
            videos.fail(clip.videoId(), "the clip it was made from " + why + " before its media was complete");
        }
    }
}
