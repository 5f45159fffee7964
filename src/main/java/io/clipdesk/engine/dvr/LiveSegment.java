package io.clipdesk.engine.dvr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One rendition of the DVR segment a live source is writing now, as its muxer flushes it (about every picture),
 * so a player at the live edge can decode it while it grows instead of waiting a whole segment for it to be
 * finished. It is never a DVR segment itself: clips, playlists, retention and recovery only ever see the finished
 * segment, whose file holds exactly these bytes. It ends either {@linkplain #finish finished} (the DVR has
 * indexed it, so a reader can hand over to that segment by its sequence) or {@linkplain #abandon abandoned} (the
 * source dropped it). Written by the ingest thread; read by any number of readers, each waiting for more bytes.
 */
public final class LiveSegment {

    private final long streamId;
    private final String rendition;
    private final long startMs;
    private byte[] bytes = new byte[256 * 1024];
    private int size;
    private Segment finished;
    private boolean abandoned;

    /** @param startMs the wall-clock time of its first picture, as the finished segment will say */
    public LiveSegment(long streamId, String rendition, long startMs) {
        this.streamId = streamId;
        this.rendition = Objects.requireNonNull(rendition, "rendition");
        this.startMs = startMs;
    }

    public long streamId() {
        return streamId;
    }

    public String rendition() {
        return rendition;
    }

    public long startMs() {
        return startMs;
    }

    /** Adds bytes the muxer flushed; ignored once ended (a late writer must not change a finished segment). */
    public synchronized void append(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (ended() || length == 0) {
            return;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        notifyAll();
    }

    /** The DVR indexed this segment as {@code segment}: readers reach the end of the bytes and may hand over. */
    public synchronized void finish(Segment segment) {
        if (!ended()) {
            finished = Objects.requireNonNull(segment, "segment");
            notifyAll();
        }
    }

    /** The source dropped this segment (stopped, or it could not be stored): readers reach the end of what came. */
    public synchronized void abandon() {
        if (!ended()) {
            abandoned = true;
            notifyAll();
        }
    }

    public synchronized boolean ended() {
        return finished != null || abandoned;
    }

    /** The DVR segment this became; empty while it grows and when it was abandoned. */
    public synchronized Optional<Segment> finished() {
        return Optional.ofNullable(finished);
    }

    public synchronized int sizeBytes() {
        return size;
    }

    /** All bytes so far (the whole segment once the writer is done with it). */
    public synchronized byte[] copyBytes() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * Copies up to {@code length} bytes from {@code position}, waiting up to {@code timeoutMs} for at least one
     * to be there.
     *
     * @return the bytes copied; 0 when none came in time; -1 at the end (ended and all read)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized int read(int position, byte[] into, int offset, int length, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (position >= size && !ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (position >= size) {
            return length == 0 ? 0 : -1;
        }
        int n = Math.min(length, size - position);
        System.arraycopy(bytes, position, into, offset, n);
        return n;
    }

    /**
     * A stream over the segment from its first byte that waits for bytes as they are written and ends where the
     * segment ends. A writer silent for {@code maxStallMs} also ends it (a stalled source must not hold a player
     * forever); {@link #ended()} tells the two apart. Supports mark/reset, so a demuxer may go back while probing.
     */
    public InputStream open(long maxStallMs) {
        return new Reader(maxStallMs);
    }

    @Override
    public String toString() {
        return "live segment of stream " + streamId + " (" + rendition + ") from " + startMs;
    }

    private final class Reader extends InputStream {
        private final long maxStallMs;
        private int position;
        private int mark;
        /** Stalled past the limit once: ended for good, or every later read would wait out the stall again. */
        private boolean gaveUp;

        Reader(long maxStallMs) {
            this.maxStallMs = maxStallMs;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (gaveUp) {
                return -1;
            }
            try {
                int n = LiveSegment.this.read(position, into, offset, length, maxStallMs);
                if (n <= 0) {
                    gaveUp = n == 0;
                    return -1; // ended, or stalled past the limit
                }
                position += n;
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading " + LiveSegment.this + " was interrupted");
            }
        }

        /** Never waits: a demuxer asking how far it can skip (the size) gets what is there now. */
        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, sizeBytes() - position));
            position += (int) skipped;
            return skipped;
        }

        @Override
        public int available() {
            return Math.max(0, sizeBytes() - position);
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int readLimit) {
            mark = position;
        }

        @Override
        public synchronized void reset() {
            position = mark;
        }
    }
}
