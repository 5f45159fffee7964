package io.clipdesk.ui.dvr;

import io.clipdesk.engine.dvr.Segment;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable, time-sorted snapshot of a stream's DVR segments in flat arrays, so the player thread and the
 * timeline's paint can look up "the segment at time t" by binary search over thousands of segments without
 * allocating. A new segment makes a new snapshot ({@link #append}); readers never see a half-built one.
 */
public final class SegmentIndex {

    public static final SegmentIndex EMPTY = new SegmentIndex(new long[0], new long[0], new long[0], 0);

    private final long[] sequences;
    private final long[] startsMs;
    private final long[] endsMs;
    private final int size;

    private SegmentIndex(long[] sequences, long[] startsMs, long[] endsMs, int size) {
        this.sequences = sequences;
        this.startsMs = startsMs;
        this.endsMs = endsMs;
        this.size = size;
    }

    /** @param segments oldest first, as the engine lists them */
    public static SegmentIndex of(List<Segment> segments) {
        int n = segments.size();
        long[] seq = new long[n];
        long[] start = new long[n];
        long[] end = new long[n];
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            seq[i] = s.sequence();
            start[i] = s.startMs();
            end[i] = s.endMs();
        }
        return new SegmentIndex(seq, start, end, n);
    }

    /** This index plus a newer segment; a segment not newer than the last one is ignored. */
    public SegmentIndex append(Segment segment) {
        if (size > 0 && segment.sequence() <= sequences[size - 1]) {
            return this;
        }
        int capacity = size == sequences.length ? Math.max(16, size * 2) : sequences.length;
        long[] seq = Arrays.copyOf(sequences, capacity);
        long[] start = Arrays.copyOf(startsMs, capacity);
        long[] end = Arrays.copyOf(endsMs, capacity);
        seq[size] = segment.sequence();
        start[size] = segment.startMs();
        end[size] = segment.endMs();
        return new SegmentIndex(seq, start, end, size + 1);
    }

    /** This index without the segments that ended at or before {@code ms} (the DVR tail rolled past them). */
    public SegmentIndex dropEndedBy(long ms) {
        int first = 0;
        while (first < size && endsMs[first] <= ms) {
            first++;
        }
        if (first == 0) {
            return this;
        }
        return new SegmentIndex(Arrays.copyOfRange(sequences, first, size), Arrays.copyOfRange(startsMs, first, size),
                Arrays.copyOfRange(endsMs, first, size), size - first);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long sequence(int i) {
        return sequences[check(i)];
    }

    public long startMs(int i) {
        return startsMs[check(i)];
    }

    public long endMs(int i) {
        return endsMs[check(i)];
    }

    public long firstStartMs() {
        return size == 0 ? 0 : startsMs[0];
    }

    public long lastEndMs() {
        return size == 0 ? 0 : endsMs[size - 1];
    }

    /** The segment playing at {@code timeMs}, or in a gap the next one; -1 before the first, size() after the last. */
    public int indexAt(long timeMs) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (startsMs[mid] <= timeMs) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // hi: last segment starting at or before timeMs
        if (hi < 0) {
            return size == 0 ? 0 : -1;
        }
        return timeMs < endsMs[hi] ? hi : hi + 1;
    }

    /** Position of the segment with this sequence number, or -1. */
    public int indexOfSequence(long sequence) {
        int i = Arrays.binarySearch(sequences, 0, size, sequence);
        return i >= 0 ? i : -1;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
