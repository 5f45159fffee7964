package io.clipdesk.engine.stream;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.InsufficientStorageException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.RandomKeys;
import io.clipdesk.engine.dvr.DvrFiles;
import io.clipdesk.engine.dvr.DvrRecorder;
import io.clipdesk.engine.dvr.DvrSlice;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.RetentionPolicy;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.sound.WaveformRange;
import io.clipdesk.engine.storage.DiskBudget;
import io.clipdesk.engine.storage.DiskStatus;
import io.clipdesk.engine.storage.DiskWatch;
import io.clipdesk.engine.storage.DurableFiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Streams, their ingest and their rolling DVR, kept inside its time depth and the disk budget. */
public final class DefaultStreamService implements StreamService {

    private static final Logger LOG = Logger.getLogger(DefaultStreamService.class.getName());
    /** How far a segment's audio may reach past its pictures (the cutter waits at most 1 s for late audio). */
    private static final long AUDIO_EDGE_MS = 1_000;

    private final EngineConfig config;
    private final Clock clock;
    private final StreamRepository streams;
    private final SegmentStore segments;
    private final LiveSourceFactory sources;
    private final DiskWatch disk;
    private final DvrFiles files;
    private final ChangeLog changes;
    private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Ingest> running = new ConcurrentHashMap<>();
    /** Streams whose ingest could not start, and why (shown as their health until they change). */
    private final Map<Long, String> unstarted = new ConcurrentHashMap<>();
    /** The ports the REST API serves on; {@link SourceRules} keeps push listeners off them. */
    private final Set<Integer> apiPorts = ConcurrentHashMap.newKeySet();
    /** Serializes read-modify-write of stored streams (API threads and ingest threads both change them). */
    private final Object writeLock = new Object();

    /** A stream that is ingesting: its source and its DVR writer. */
    private record Ingest(LiveStream stream, LiveSource source, DvrRecorder recorder, AtomicLong dvrBytes) {
    }

    public DefaultStreamService(EngineConfig config, Clock clock, StreamRepository streams, SegmentStore segments,
                         LiveSourceFactory sources, DiskWatch disk, ChangeLog changes) {
        this.changes = changes;
        // Health changes come from the ingest threads through the listeners every recorder is given.
        listeners.add(new SegmentListener() {
            @Override
            public void onSegment(Segment segment) {
            }

            @Override
            public void onHealth(long streamId, SourceHealth health, String detail) {
                changes.publish(ChangeType.STREAM_HEALTH, streamId, "", 0);
            }
        });
        this.config = config;
        this.disk = disk;
        this.files = new DvrFiles(config.layout());
        this.clock = clock;
        this.streams = streams;
        this.segments = segments;
        this.sources = sources;
        if (config.apiPort() != 0) {
            apiPorts.add(config.apiPort());
        }
    }

    public void startAll() {
        for (LiveStream stream : streams.list()) {
            startIngest(stream);
        }
    }

    public void stopAll() {
        for (Long id : List.copyOf(running.keySet())) {
            stopIngest(id);
        }
    }

    @Override
    public List<LiveStream> list() {
        return streams.list();
    }

    @Override
    public LiveStream get(long streamId) {
        return streams.find(streamId).orElseThrow(() -> new NotFoundException("stream " + streamId + " not found"));
    }

    @Override
    public LiveStream create(StreamDraft draft) {
        String name = StreamRules.name(draft.name());
        StreamRules.checkDvrDuration(draft.dvrDurationS());
        SourceRules.checkPullAddress(draft.source(), PullAddresses.DNS);
        LiveStream stream;
        synchronized (writeLock) {
            SourceSpec source = checkSource(draft.source(), streams.list());
            requireRoom(DiskBudget.streamBytes(Rendition.DEFAULT_LADDER), "a new stream");
            stream = streams.insert(new LiveStream(0, name, source, draft.dvrEnabled(),
                    draft.dvrDurationS(), RandomKeys.random(), clock.millis(), Rendition.DEFAULT_LADDER));
        }
        changes.publish(ChangeType.STREAM_CREATED, stream.id(), "", 0);
        startIngest(stream);
        return stream;
    }

    @Override
    public LiveStream update(long streamId, StreamPatch patch) {
        LiveStream before;
        LiveStream stream;
        patch.source().ifPresent(source -> SourceRules.checkPullAddress(source, PullAddresses.DNS));
        synchronized (writeLock) {
            before = get(streamId);
            stream = before;
            if (patch.name().isPresent()) {
                stream = stream.withName(StreamRules.name(patch.name().get()));
            }
            boolean dvrEnabled = patch.dvrEnabled().orElse(stream.dvrEnabled());
            int dvrDurationS = patch.dvrDurationS().orElse(stream.dvrDurationS());
            StreamRules.checkDvrDuration(dvrDurationS);
            stream = stream.withDvr(dvrEnabled, dvrDurationS);
            if (patch.source().isPresent()) {
                SourceSpec source = checkSource(StreamRules.keepPort(patch.source().get(), before.source()),
                        streams.list().stream().filter(s -> s.id() != streamId).toList());
                if (!source.equals(before.source())) {
                    // A new source brings its own ladder (remuxed sources adopt theirs on their first segment).
                    stream = stream.withSource(source, Rendition.DEFAULT_LADDER);
                }
            }
            streams.update(stream);
        }
        changes.publish(ChangeType.STREAM_UPDATED, streamId, "", 0);
        if (!stream.source().equals(before.source())) {
            stopIngest(streamId);
            // The old media may have other renditions than the new source: the DVR starts afresh.
            drop(before, segments.endedBy(streamId, Long.MAX_VALUE));
            startIngest(stream);
        }
        return stream;
    }

    /**
     * The source's own ladder, reported from its ingest thread before its first segment at that size. A DVR
     * never mixes ladders (clips, live playlists and start-up checks all read one list), so a change empties it.
     */
    private void adoptRenditions(long streamId, List<Rendition> renditions) {
        LiveStream before;
        synchronized (writeLock) {
            before = streams.find(streamId).orElse(null);
            if (before == null || before.renditions().equals(renditions)) {
                return;
            }
            streams.update(before.withSource(before.source(), renditions));
        }
        changes.publish(ChangeType.STREAM_UPDATED, streamId, "", 0);
        LOG.info("stream " + streamId + ": source ladder is now " + renditions.stream().map(Rendition::name).toList());
        drop(before, segments.endedBy(streamId, Long.MAX_VALUE));
    }

    private SourceSpec checkSource(SourceSpec source, List<LiveStream> others) {
        SourceSpec checked = SourceRules.check(source, others, config.fileSources(), Set.copyOf(apiPorts));
        sources.check(checked);
        return checked;
    }

    @Override
    public void delete(long streamId) {
        get(streamId);
        stopIngest(streamId);
        segments.deleteAll(streamId);
        files.deleteAll(streamId);
        streams.delete(streamId);
        changes.publish(ChangeType.STREAM_DELETED, streamId, "", 0);
        listeners.forEach(l -> l.onDvrChanged(streamId));
    }

    @Override
    public void cleanupDvr(long streamId) {
        LiveStream stream = get(streamId);
        drop(stream, segments.endedBy(streamId, Long.MAX_VALUE));
    }

    @Override
    public StreamState state(long streamId) {
        get(streamId);
        Ingest ingest = running.get(streamId);
        DvrWindow window = window(streamId);
        if (ingest == null) {
            String why = unstarted.get(streamId);
            return why == null
                    ? new StreamState(streamId, SourceHealth.STOPPED, "not ingesting", window, segments.count(streamId), 0, 0)
                    : new StreamState(streamId, SourceHealth.DISCONNECTED, why, window, segments.count(streamId), 0, 0);
        }
        return new StreamState(streamId, ingest.recorder().health(), ingest.recorder().healthDetail(), window,
                segments.count(streamId), ingest.recorder().startedAtMs(), ingest.dvrBytes().get());
    }

    public DvrWindow window(long streamId) {
        var oldest = segments.oldest(streamId);
        var newest = segments.newest(streamId);
        if (oldest.isEmpty() || newest.isEmpty()) {
            return DvrWindow.EMPTY;
        }
        return new DvrWindow(oldest.get().startMs(), newest.get().endMs());
    }

    @Override
    public List<Segment> segments(long streamId, long fromMs, long toMs) {
        return segments.overlapping(streamId, fromMs, toMs);
    }

    /** The segments overlapping [fromMs, toMs) and the DVR's window, read together ({@link DvrSlice}). */
    public DvrSlice slice(long streamId, long fromMs, long toMs) {
        return segments.slice(streamId, fromMs, toMs);
    }

    @Override
    public List<Segment> latestSegments(long streamId, int count) {
        return segments.latest(streamId, count);
    }

    @Override
    public AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets) {
        WaveformRange range = WaveformRange.of(fromMs, toMs, maxBuckets);
        get(streamId);
        return range.collect(segments.envelopes(streamId, range.startMs() - AUDIO_EDGE_MS,
                range.endMs() + AUDIO_EDGE_MS));
    }

    @Override
    public Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        Ingest ingest = running.get(streamId);
        return ingest == null ? Optional.empty() : ingest.recorder().live(rendition);
    }

    @Override
    public void reserveApiPort(int port) {
        apiPorts.add(port);
    }

    @Override
    public void releaseApiPort(int port) {
        apiPorts.remove(port);
    }

    @Override
    public void addListener(SegmentListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SegmentListener listener) {
        listeners.remove(listener);
    }

    /**
     * Refuses {@code what} when its {@code needBytes} would not fit on the disk beside the reserve.
     *
     * @throws InsufficientStorageException saying how much is needed and free
     */
    public void requireRoom(long needBytes, String what) {
        long dvrBytes = running.values().stream().mapToLong(i -> i.dvrBytes().get()).sum();
        disk.requireRoom(needBytes, dvrBytes, what);
    }

    public DiskStatus disk() {
        return disk.status();
    }

    /**
     * The retention tick: drops media older than each stream's DVR depth, then the oldest media of all streams
     * while the disk is short of its reserve, and notices stalled sources.
     */
    public void enforceRetention() {
        long nowMs = clock.millis();
        long liveWindowMs = (long) config.liveWindowSegments() * config.segmentDurationMs() * 2;
        for (LiveStream stream : streams.list()) {
            long cutoffMs = RetentionPolicy.cutoffMs(stream, nowMs, liveWindowMs);
            List<Segment> old = segments.endedBy(stream.id(), cutoffMs);
            if (!old.isEmpty()) {
                drop(stream, old);
            }
            Ingest ingest = running.get(stream.id());
            if (ingest != null) {
                ingest.recorder().checkStall(nowMs, config.segmentDurationMs());
            }
        }
        enforceBudget();
    }

    private void enforceBudget() {
        DiskStatus now = disk.status();
        List<LiveStream> all = streams.list();
        long ingestPerS = all.stream().mapToLong(s -> DiskBudget.bytesPerSecond(s.renditions())).sum();
        long targetBytes = DiskBudget.trimTargetBytes(now.reserveBytes(), ingestPerS);
        if (now.freeBytes() >= targetBytes) {
            return;
        }
        Map<Long, LiveStream> byId = new LinkedHashMap<>();
        List<Segment> dvr = new ArrayList<>();
        for (LiveStream stream : all) {
            byId.put(stream.id(), stream);
            dvr.addAll(segments.endedBy(stream.id(), Long.MAX_VALUE));
        }
        List<Segment> drop = DiskBudget.toDrop(dvr, s -> files.freeableBytes(byId.get(s.streamId()), s),
                now.freeBytes(), targetBytes);
        for (LiveStream stream : byId.values()) {
            List<Segment> ofStream = drop.stream().filter(s -> s.streamId() == stream.id()).toList();
            if (!ofStream.isEmpty()) {
                LOG.fine(() -> "stream " + stream.id() + ": disk budget drops " + ofStream.size() + " segment(s)");
                drop(stream, ofStream);
            }
        }
    }

    private void drop(LiveStream stream, List<Segment> old) {
        long freed = 0;
        for (Segment segment : old) {
            // Row first: a reader may find a file without a row (swept at start-up), never a row without a file.
            try {
                segments.delete(stream.id(), segment.sequence());
                freed += files.delete(stream, segment);
            } catch (StoreException e) {
                // A full disk has no room even to note that media went (SQLite's journal grows): free the files
                // first, then the row; a reader meanwhile sees a segment gone, as after any DVR roll.
                LOG.log(Level.FINE, "stream " + stream.id() + ": segment row kept until its files are gone", e);
                freed += files.delete(stream, segment);
                segments.delete(stream.id(), segment.sequence());
            }
        }
        Ingest ingest = running.get(stream.id());
        if (ingest != null) {
            ingest.dvrBytes().addAndGet(-freed);
        }
        listeners.forEach(l -> l.onDvrChanged(stream.id()));
    }

    private void startIngest(LiveStream stream) {
        unstarted.remove(stream.id());
        Optional<String> clash = SourceRules.apiPortClash(stream.source(), Set.copyOf(apiPorts));
        if (clash.isPresent()) {
            // Kept off the port so that the API can serve: a listener there would keep it from starting.
            notStarted(stream.id(), "not listening for pushes: " + clash.get() + "; give this stream another port");
            return;
        }
        AtomicLong bytes = new AtomicLong(DurableFiles.sizeOf(config.layout().dvrDir(stream.id())));
        DvrRecorder recorder = new DvrRecorder(stream, config.layout(), segments, clock, listeners, bytes,
                renditions -> adoptRenditions(stream.id(), renditions), disk);
        try {
            LiveSource source = sources.open(stream, config.segmentDurationMs(), clock);
            running.put(stream.id(), new Ingest(stream, source, recorder, bytes));
            source.start(recorder);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + stream.id() + ": cannot start ingest", e);
            running.remove(stream.id());
            notStarted(stream.id(), "cannot start ingest: " + e.getMessage());
        }
    }

    private void notStarted(long streamId, String why) {
        LOG.warning("stream " + streamId + ": " + why);
        unstarted.put(streamId, why);
        listeners.forEach(l -> l.onHealth(streamId, SourceHealth.DISCONNECTED, why));
    }

    private void stopIngest(long streamId) {
        unstarted.remove(streamId);
        Ingest ingest = running.remove(streamId);
        if (ingest != null) {
            ingest.source().close();
            ingest.recorder().health(SourceHealth.STOPPED, "stopped");
        }
        disk.writeSucceeded(streamId); // a stopped stream no longer waits for room
    }
}
