package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The sound of the segment being written, decoded on a thread of its own as its bytes come: decoding it waits for
 * those bytes, and the sound thread, which must write every few ms, may never wait. The sound thread takes the
 * blocks decoded so far ({@link #poll()}) and hears silence while the next one is still being written.
 */
final class LiveSound implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveSound.class.getName());
    /** About 2 s of AAC blocks: a whole segment decoded ahead never blocks the decoding thread. */
    private static final int QUEUED_BLOCKS = 128;
    /** The end of the segment's sound (its end, or it has none, or it cannot be read). */
    static final SoundDecoder.Block END = new SoundDecoder.Block(-1, new short[0]);
    private static final long OFFER_WAIT_MS = 100;

    private final LiveSegment segment;
    private final BlockingQueue<SoundDecoder.Block> blocks = new ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean silent;
    private volatile boolean done;
    /** Where the sound decoded so far ends, into the segment (µs). */
    private volatile long decodedEndUs;

    /**
     * @param previous the segment it plays on from, when there is one with no gap before it (read on the decoding
     *                 thread: it may come from disk or a server), so its first sound is decoded whole
     */
    LiveSound(String threadName, SoundDecoder decoder, LiveSegment segment, Supplier<Optional<SegmentMedia>> previous,
              long maxStallMs) {
        this.segment = segment;
        this.thread = new Thread(() -> decode(decoder, SegmentMedia.growing(segment, maxStallMs), previous),
                threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void decode(SoundDecoder decoder, SegmentMedia media, Supplier<Optional<SegmentMedia>> previous) {
        Optional<SoundDecoder.Cursor> opened = Optional.empty();
        try {
            Optional<SegmentMedia> before = previousOrNone(previous);
            opened = before.isPresent() ? decoder.openAfter(media, before.get(), 1) : decoder.open(media, 1);
            silent = opened.isEmpty();
            if (opened.isPresent()) {
                for (SoundDecoder.Block b = opened.get().next(); b != null && running; b = opened.get().next()) {
                    while (running && !blocks.offer(b, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                        // full: the sound thread takes a block every ~20 ms while it plays
                    }
                    decodedEndUs = b.offsetUs() + b.frames() * 1_000_000L / SoundDecoder.SAMPLE_RATE;
                }
            }
        } catch (MediaException e) {
            if (running) {
                LOG.warning("sound: the segment being written ends early: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opened.ifPresent(SoundDecoder.Cursor::close);
            done = true;
        }
    }

    private static Optional<SegmentMedia> previousOrNone(Supplier<Optional<SegmentMedia>> previous) {
        try {
            return previous.get();
        } catch (MediaException e) {
            return Optional.empty(); // gone meanwhile (retention): a tick at the join, nothing worse
        }
    }

    LiveSegment segment() {
        return segment;
    }

    /** Where the sound decoded so far ends, in µs into the segment (0 before the first block). */
    long decodedEndUs() {
        return decodedEndUs;
    }

    /** True once it is known the segment carries no sound (then {@link #poll()} says {@link #END} at once). */
    boolean silent() {
        return silent;
    }

    /** The next block decoded, {@link #END} after the last one, or null while the next is still being written. */
    SoundDecoder.Block poll() {
        SoundDecoder.Block b = blocks.poll();
        if (b != null || !done) {
            return b;
        }
        b = blocks.poll(); // one put just before done was set
        return b != null ? b : END;
    }

    /**
     * Stops decoding; the thread ends at its next block (about a frame, or the stall limit when the segment stopped
     * growing). Not interrupted: FFmpeg would report the broken read on stderr.
     */
    @Override
    public void close() {
        running = false;
        blocks.clear();
    }
}
