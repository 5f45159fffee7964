package io.clipdesk.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Streams, their ingest and their rolling DVR. */
final class DefaultStreamService implements StreamService {

    private static final Logger LOG = Logger.getLogger(DefaultStreamService.class.getName());
    private static final int MAX_NAME_LENGTH = 255;

    private final EngineConfig config;
    private final Clock clock;
    private final StreamRepository streams;
    private final SegmentStore segments;
    private final LiveSourceFactory sources;
    private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Ingest> running = new ConcurrentHashMap<>();

    /** A stream that is ingesting: its source and its DVR writer. */
    private record Ingest(LiveStream stream, LiveSource source, DvrRecorder recorder, AtomicLong dvrBytes) {
    }

    DefaultStreamService(EngineConfig config, Clock clock, StreamRepository streams, SegmentStore segments,
                         LiveSourceFactory sources) {
        this.config = config;
        this.clock = clock;
        this.streams = streams;
        this.segments = segments;
        this.sources = sources;
    }

    void startAll() {
        for (LiveStream stream : streams.list()) {
            startIngest(stream);
        }
    }

    void stopAll() {
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
        String name = checkName(draft.name());
        checkDvrDuration(draft.dvrDurationS());
        LiveStream stream = streams.insert(new LiveStream(0, name, draft.source(), draft.dvrEnabled(),
                draft.dvrDurationS(), ClipIds.random(), clock.millis(), Rendition.DEFAULT_LADDER));
        startIngest(stream);
        return stream;
    }

    @Override
    public LiveStream update(long streamId, StreamPatch patch) {
        LiveStream stream = get(streamId);
        if (patch.name().isPresent()) {
            stream = stream.withName(checkName(patch.name().get()));
        }
        boolean dvrEnabled = patch.dvrEnabled().orElse(stream.dvrEnabled());
        int dvrDurationS = patch.dvrDurationS().orElse(stream.dvrDurationS());
        checkDvrDuration(dvrDurationS);
        stream = stream.withDvr(dvrEnabled, dvrDurationS);
        boolean sourceChanged = patch.source().isPresent() && !patch.source().get().equals(stream.source());
        if (sourceChanged) {
            stream = stream.withSource(patch.source().get(), stream.renditions());
        }
        streams.update(stream);
        if (sourceChanged) {
            stopIngest(streamId);
            startIngest(stream);
        }
        return stream;
    }

    @Override
    public void delete(long streamId) {
        get(streamId);
        stopIngest(streamId);
        segments.deleteAll(streamId);
        DurableFiles.deleteTree(config.layout().dvrDir(streamId));
        DurableFiles.deleteTree(config.layout().thumbsDir(streamId));
        streams.delete(streamId);
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
            return new StreamState(streamId, SourceHealth.STOPPED, "not ingesting", window,
                    segments.count(streamId), 0, 0);
        }
        return new StreamState(streamId, ingest.recorder().health(), ingest.recorder().healthDetail(), window,
                segments.count(streamId), ingest.recorder().startedAtMs(), ingest.dvrBytes().get());
    }

    DvrWindow window(long streamId) {
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

    @Override
    public List<Segment> latestSegments(long streamId, int count) {
        return segments.latest(streamId, count);
    }

    @Override
    public void addListener(SegmentListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SegmentListener listener) {
        listeners.remove(listener);
    }

    /** The retention tick: drops media older than each stream's DVR depth and notices stalled sources. */
    void enforceRetention() {
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
    }

    private void drop(LiveStream stream, List<Segment> old) {
        long freed = 0;
        for (Segment segment : old) {
            // Row first: a reader may find a file without a row (swept at start-up), never a row without a file.
            segments.delete(stream.id(), segment.sequence());
            for (Rendition rendition : stream.renditions()) {
                freed += sizeAndDelete(config.layout().dvrSegment(stream.id(), rendition.name(), segment.sequence()));
            }
            DurableFiles.deleteQuietly(config.layout().thumbnail(stream.id(), segment.sequence()));
        }
        Ingest ingest = running.get(stream.id());
        if (ingest != null) {
            ingest.dvrBytes().addAndGet(-freed);
        }
        listeners.forEach(l -> l.onDvrChanged(stream.id()));
    }

    private static long sizeAndDelete(Path file) {
        try {
            long size = Files.size(file);
            Files.delete(file);
            return size;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private void startIngest(LiveStream stream) {
        AtomicLong bytes = new AtomicLong(DurableFiles.sizeOf(config.layout().dvrDir(stream.id())));
        DvrRecorder recorder = new DvrRecorder(stream, config.layout(), segments, clock, listeners, bytes);
        try {
            LiveSource source = sources.open(stream, config.segmentDurationMs(), clock);
            running.put(stream.id(), new Ingest(stream, source, recorder, bytes));
            source.start(recorder);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream " + stream.id() + ": cannot start ingest", e);
            recorder.health(SourceHealth.DISCONNECTED, e.getMessage());
        }
    }

    private void stopIngest(long streamId) {
        Ingest ingest = running.remove(streamId);
        if (ingest != null) {
            ingest.source().close();
            ingest.recorder().health(SourceHealth.STOPPED, "stopped");
        }
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException("name must not be empty");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("name is " + stripped.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " allowed");
        }
        return stripped;
    }

    private static void checkDvrDuration(int dvrDurationS) {
        if (dvrDurationS < LiveStream.MIN_DVR_DURATION_S || dvrDurationS > LiveStream.MAX_DVR_DURATION_S) {
            throw new InvalidRequestException("dvr_duration " + dvrDurationS + " s is outside the allowed range "
                    + LiveStream.MIN_DVR_DURATION_S + "–" + LiveStream.MAX_DVR_DURATION_S + " s");
        }
    }
}
