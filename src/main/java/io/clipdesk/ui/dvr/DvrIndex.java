package io.clipdesk.ui.dvr;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream's DVR as the UI knows it: appended to by the engine's ingest thread (a {@link SegmentListener}),
 * trimmed or reloaded by the UI's engine worker, read by the player thread and the FX thread as immutable
 * {@link SegmentIndex} snapshots.
 */
public final class DvrIndex implements SegmentListener {

    private final long streamId;
    private final Runnable onChange;
    private final AtomicReference<SegmentIndex> current = new AtomicReference<>(SegmentIndex.EMPTY);
    private final AtomicBoolean stale = new AtomicBoolean(true);

    /** @param onChange called on whichever thread changed the index; must return quickly */
    public DvrIndex(long streamId, Runnable onChange) {
        this.streamId = streamId;
        this.onChange = onChange;
    }

    public SegmentIndex snapshot() {
        return current.get();
    }

    @Override
    public void onSegment(Segment segment) {
        if (segment.streamId() == streamId) {
            current.updateAndGet(index -> index.append(segment));
            onChange.run();
        }
    }

    @Override
    public void onDvrChanged(long changedStreamId) {
        if (changedStreamId == streamId) {
            stale.set(true);
            onChange.run();
        }
    }

    /** True once after the engine said the DVR changed other than by a new segment (retention, cleanup). */
    public boolean takeStale() {
        return stale.getAndSet(false);
    }

    /** Follows the engine's window: drops what its tail has rolled past; an emptied DVR empties the index. */
    public void trimTo(long windowStartMs, boolean windowEmpty) {
        current.updateAndGet(now -> windowEmpty ? SegmentIndex.EMPTY : now.dropEndedBy(windowStartMs));
        onChange.run();
    }

    /** Replaces the index by the engine's full list; newer segments that arrived meanwhile are kept. */
    public void reload(List<Segment> oldestFirst) {
        SegmentIndex loaded = SegmentIndex.of(oldestFirst);
        current.updateAndGet(now -> {
            if (loaded.isEmpty()) {
                return loaded;
            }
            SegmentIndex merged = loaded;
            for (int i = Math.max(0, now.indexOfSequence(loaded.sequence(loaded.size() - 1)) + 1); i < now.size(); i++) {
                merged = merged.append(new Segment(streamId, now.sequence(i), now.startMs(i),
                        (now.endMs(i) - now.startMs(i)) * 1000, false));
            }
            return merged;
        });
        onChange.run();
    }
}
