package io.clipdesk.engine.dvr;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskWatch;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One stream's DVR writer: numbers each finished segment, moves its files into place and only then
 * indexes it, then tells the listeners. Runs on the stream's ingest thread. A segment that cannot be written is
 * dropped and the writer carries on: a full disk is a state it leaves by itself when space returns.
 */
public final class DvrRecorder implements SegmentSink {

    private static final Logger LOG = Logger.getLogger(DvrRecorder.class.getName());

    private final LiveStream stream;
    private final DataLayout layout;
    private final SegmentStore store;
    private final Clock clock;
    private final List<SegmentListener> listeners;
    private final AtomicLong nextSequence;
    private final AtomicLong dvrBytes;
    private final Consumer<List<Rendition>> renditionsFound;
    private final DiskWatch disk;
    private int lostInARow;
    private long lostSinceMs;
    private volatile boolean firstOfSession = true;
    private volatile SourceHealth health = SourceHealth.STARTING;
    private volatile String healthDetail = "starting";
    private volatile long lastSegmentAtMs;
    private volatile long lastSegmentDurationMs;
    /** The segment being written, by rendition, for players at the live edge; empty between segments. */
    private volatile Map<String, LiveSegment> live = Map.of();
    private final long startedAtMs;

    public DvrRecorder(LiveStream stream, DataLayout layout, SegmentStore store, Clock clock,
                List<SegmentListener> listeners, AtomicLong dvrBytes, Consumer<List<Rendition>> renditionsFound,
                DiskWatch disk) {
        this.stream = stream;
        this.layout = layout;
        this.store = store;
        this.clock = clock;
        this.listeners = listeners;
        this.dvrBytes = dvrBytes;
        this.renditionsFound = renditionsFound;
        this.disk = disk;
        this.nextSequence = new AtomicLong(store.newest(stream.id()).map(s -> s.sequence() + 1).orElse(0L));
        this.startedAtMs = clock.millis();
        this.lastSegmentAtMs = startedAtMs;
    }

    @Override
    public Path incomingDir() {
        Path dir = layout.incomingDir(stream.id());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MediaException("cannot create the DVR folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    @Override
    public void accept(SegmentDraft draft) {
        long sequence = nextSequence.getAndIncrement();
        // Timestamps restart with each ingest session, so its first segment must tell players to reset; media
        // dropped for want of space leaves a hole players must not bridge either.
        boolean discontinuity = draft.discontinuity() || (firstOfSession && sequence > 0) || lostInARow > 0;
        try {
            long bytes = 0;
            for (Map.Entry<String, Path> file : draft.renditionFiles().entrySet()) {
                Path target = layout.dvrSegment(stream.id(), file.getKey(), sequence);
                bytes += Files.size(file.getValue());
                DurableFiles.moveInto(file.getValue(), target);
            }
            if (draft.thumbnailFile() != null && Files.exists(draft.thumbnailFile())) {
                DurableFiles.moveInto(draft.thumbnailFile(), layout.thumbnail(stream.id(), sequence));
            }
            Segment segment = new Segment(stream.id(), sequence, draft.startMs(), draft.durationUs(), discontinuity);
            store.insert(segment, draft.envelope());
            dvrBytes.addAndGet(bytes);
            firstOfSession = false;
            lastSegmentAtMs = clock.millis();
            lastSegmentDurationMs = draft.durationUs() / 1000;
            if (health != SourceHealth.LIVE) {
                health(SourceHealth.LIVE, "receiving");
            }
            recovered();
            for (SegmentListener listener : listeners) {
                listener.onSegment(segment);
            }
            // Only now, with the segment indexed, may a live reader hand over to it.
            endLive(segment);
        } catch (IOException | RuntimeException e) {
            endLive(null);
            draft.renditionFiles().values().forEach(DvrRecorder::deleteQuietly);
            if (draft.thumbnailFile() != null) {
                deleteQuietly(draft.thumbnailFile());
            }
            lost(e instanceof RuntimeException r ? r : new MediaException("segment " + sequence + " not stored", e));
        }
    }

    @Override
    public void growing(List<LiveSegment> segments) {
        endLive(null);
        Map<String, LiveSegment> byRendition = new java.util.HashMap<>();
        segments.forEach(s -> byRendition.put(s.rendition(), s));
        live = Map.copyOf(byRendition);
    }

    /** The segment being written in {@code rendition}, while it grows. */
    public Optional<LiveSegment> live(String rendition) {
        LiveSegment segment = live.get(rendition);
        return segment == null || segment.ended() ? Optional.empty() : Optional.of(segment);
    }

    /** Finishes the live segments as {@code segment} when they are its bytes; abandons them otherwise. */
    private void endLive(Segment segment) {
        Map<String, LiveSegment> ending = live;
        live = Map.of();
        for (LiveSegment s : ending.values()) {
            if (segment != null && s.startMs() == segment.startMs()) {
                s.finish(segment);
            } else {
                s.abandon();
            }
        }
    }

    /** Logs the first loss of a run in full, then quietly; says disk full when the disk is why. */
    @Override
    public void lost(RuntimeException cause) {
        endLive(null);
        if (lostInARow++ == 0) {
            lostSinceMs = clock.millis();
            LOG.log(Level.WARNING, "stream " + stream.id() + ": a segment could not be stored and was dropped", cause);
        } else {
            LOG.log(Level.FINE, "stream " + stream.id() + ": another segment dropped", cause);
        }
        if (disk.writeFailed(stream.id()) && health != SourceHealth.DISK_FULL) {
            health(SourceHealth.DISK_FULL, "disk full: the data folder's disk has no room for new media; "
                    + "recording resumes by itself when space is freed");
        }
    }

    private void recovered() {
        disk.writeSucceeded(stream.id());
        if (lostInARow > 0) {
            LOG.info("stream " + stream.id() + ": recording again after " + lostInARow + " segment(s), "
                    + (clock.millis() - lostSinceMs) / 1000 + " s, could not be stored");
            lostInARow = 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left in the incoming folder: swept at the next start.
        }
    }

    @Override
    public void renditions(List<Rendition> renditions) {
        renditionsFound.accept(renditions);
    }

    @Override
    public void health(SourceHealth newHealth, String detail) {
        if (newHealth != SourceHealth.LIVE) {
            endLive(null); // stopped, stalled or gone: no reader waits for a segment that will not come
        }
        health = newHealth;
        healthDetail = detail == null ? "" : detail;
        for (SegmentListener listener : listeners) {
            listener.onHealth(stream.id(), newHealth, healthDetail);
        }
    }

    /**
     * Marks the source stalled when no segment came for two target durations. A remuxed source keeps its own
     * GOP, so its segments may be longer than the target; the longest recent one is the target then.
     */
    public void checkStall(long nowMs, long segmentDurationMs) {
        long targetMs = Math.max(segmentDurationMs, lastSegmentDurationMs);
        if (health == SourceHealth.LIVE && nowMs - lastSegmentAtMs > 2 * targetMs) {
            health(SourceHealth.STALLED, "no new media for " + (nowMs - lastSegmentAtMs) / 1000 + " s");
        }
    }

    public SourceHealth health() {
        return health;
    }

    public String healthDetail() {
        return healthDetail;
    }

    public long startedAtMs() {
        return startedAtMs;
    }
}
