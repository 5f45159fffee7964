package io.clipdesk.ui.dvr;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.sound.WaveformRange;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream's waveform as the UI knows it: fetched through {@link DeskBackend#waveform} (never from files, so
 * a desk on a remote engine works the same) on the UI's engine lane, at the engine's full 20 ms resolution, and
 * kept as {@link WaveformPyramid} snapshots for the FX thread. Follows the DVR window: what is new is fetched
 * (newest first, so the live end shows at once on a long DVR), what retention dropped is let go.
 */
public final class DvrWaveform {

    /** The most one request returns at 20 ms (WaveformRange widens buckets beyond it): a little over 3 min. */
    private static final long CHUNK_MS = (WaveformRange.MAX_BUCKETS - 1L) * AudioEnvelope.BUCKET_MS;
    /** A segment's last audio frame may be stored with the next one: read again a little behind the edge. */
    private static final long OVERLAP_MS = 2_000;

    private final long streamId;
    private final DeskBackend streams;
    private final Runnable onChange;
    private final AtomicReference<WaveformPyramid> current = new AtomicReference<>(WaveformPyramid.EMPTY);
    private long loadedToMs = Long.MIN_VALUE;

    /** @param onChange called on the engine lane after each change; must return quickly */
    public DvrWaveform(long streamId, DeskBackend streams, Runnable onChange) {
        this.streamId = streamId;
        this.streams = streams;
        this.onChange = onChange;
    }

    public WaveformPyramid snapshot() {
        return current.get();
    }

    /** Engine lane: brings the waveform up to {@code window}: fetches what is new, drops what is gone. */
    public void follow(DvrWindow window) {
        if (window.isEmpty()) {
            loadedToMs = Long.MIN_VALUE;
            publish(WaveformPyramid.EMPTY);
            return;
        }
        long fromMs = loadedToMs == Long.MIN_VALUE ? window.startMs()
                : Math.max(window.startMs(), loadedToMs - OVERLAP_MS);
        long toMs = window.endMs() + OVERLAP_MS;
        for (long chunkEnd = toMs; chunkEnd > fromMs; chunkEnd -= CHUNK_MS) {
            AudioEnvelope chunk = streams.waveform(streamId, Math.max(fromMs, chunkEnd - CHUNK_MS), chunkEnd,
                    WaveformRange.MAX_BUCKETS);
            publish(current.get().with(chunk));
        }
        loadedToMs = window.endMs();
        publish(current.get().dropEndedBy(window.startMs()));
    }

    private void publish(WaveformPyramid next) {
        if (current.getAndSet(next) != next) {
            onChange.run();
        }
    }
}
