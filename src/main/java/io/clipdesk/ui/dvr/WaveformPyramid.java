package io.clipdesk.ui.dvr;

import io.clipdesk.engine.sound.AudioEnvelope;

import java.util.Arrays;

/**
 * A stream's waveform as the timeline draws it: the engine's 20 ms buckets plus coarser levels made from them
 * (40 ms, 80 ms, … 81.92 s, each bucket the loudest peak and the power-mean RMS of the two below), so a repaint reads
 * about one bucket per pixel at any zoom: a 4 h overview and a 10 s close-up cost the same. Immutable: kept in
 * blocks of {@value #BLOCK_BUCKETS} buckets on a fixed wall-clock grid, a change copies only the blocks it
 * touches, and the FX thread paints one snapshot while the engine lane builds the next.
 */
public final class WaveformPyramid {

    public static final int BLOCK_BUCKETS = 4096;
    /** Levels 0 (20 ms) to 12 (one bucket per block, 81.92 s). */
    public static final int LEVELS = 13;
    public static final WaveformPyramid EMPTY = new WaveformPyramid(new long[0], new Block[0]);
    private static final long BLOCK_MS = (long) BLOCK_BUCKETS * AudioEnvelope.BUCKET_MS;
    private static final int[] OFFSETS = new int[LEVELS + 1];

    static {
        for (int k = 0; k < LEVELS; k++) {
            OFFSETS[k + 1] = OFFSETS[k] + (BLOCK_BUCKETS >> k);
        }
    }

    /** What a repaint is told, bucket by bucket, oldest first. */
    @FunctionalInterface
    public interface BucketVisitor {
        void bucket(long startMs, short peak, short rms);
    }

    /** One block: every level's buckets back to back (level k at {@code OFFSETS[k]}). */
    private record Block(short[] peaks, short[] rms) {
    }

    private final long[] indices;
    private final Block[] blocks;

    private WaveformPyramid(long[] indices, Block[] blocks) {
        this.indices = indices;
        this.blocks = blocks;
    }

    /** Milliseconds per bucket at {@code level}. */
    public static long bucketMs(int level) {
        return (long) AudioEnvelope.BUCKET_MS << level;
    }

    /** The coarsest level whose buckets are no wider than a pixel (level 0 when even those are wider). */
    public static int levelFor(double msPerPx) {
        int level = 0;
        while (level + 1 < LEVELS && bucketMs(level + 1) <= msPerPx) {
            level++;
        }
        return level;
    }

    public boolean isEmpty() {
        return blocks.length == 0;
    }

    /** This waveform with the heard buckets of {@code envelope} (20 ms, as the engine serves them) written in. */
    public WaveformPyramid with(AudioEnvelope envelope) {
        if (envelope.bucketMs() != AudioEnvelope.BUCKET_MS || envelope.isEmpty()) {
            return this;
        }
        long[] newIndices = indices;
        Block[] newBlocks = blocks;
        long first = Math.floorDiv(envelope.startMs(), BLOCK_MS);
        long last = Math.floorDiv(envelope.endMs() - 1, BLOCK_MS);
        for (long index = first; index <= last; index++) {
            int at = Arrays.binarySearch(newIndices, index);
            Block before = at >= 0 ? newBlocks[at] : emptyBlock();
            Block after = write(before, index * BLOCK_MS, envelope);
            if (after == before) {
                continue;
            }
            if (at >= 0) {
                newBlocks = newBlocks == blocks ? blocks.clone() : newBlocks;
                newBlocks[at] = after;
            } else {
                int insert = -at - 1;
                newIndices = insertAt(newIndices, insert, index);
                newBlocks = insertAt(newBlocks, insert, after);
            }
        }
        return newBlocks == blocks ? this : new WaveformPyramid(newIndices, newBlocks);
    }

    /** Without the blocks that end at or before {@code ms} (media the DVR has dropped). */
    public WaveformPyramid dropEndedBy(long ms) {
        int keepFrom = 0;
        while (keepFrom < indices.length && (indices[keepFrom] + 1) * BLOCK_MS <= ms) {
            keepFrom++;
        }
        return keepFrom == 0 ? this : new WaveformPyramid(Arrays.copyOfRange(indices, keepFrom, indices.length),
                Arrays.copyOfRange(blocks, keepFrom, blocks.length));
    }

    /** Visits the heard buckets of {@code level} overlapping [{@code fromMs}, {@code toMs}), oldest first. */
    public void visit(int level, long fromMs, long toMs, BucketVisitor visitor) {
        long width = bucketMs(level);
        int perBlock = BLOCK_BUCKETS >> level;
        int at = Arrays.binarySearch(indices, Math.floorDiv(fromMs, BLOCK_MS));
        for (int b = at >= 0 ? at : -at - 1; b < indices.length && indices[b] * BLOCK_MS < toMs; b++) {
            long blockStart = indices[b] * BLOCK_MS;
            int i0 = (int) Math.max(0, Math.floorDiv(fromMs - blockStart, width));
            int i1 = (int) Math.min(perBlock, -Math.floorDiv(-(toMs - blockStart), width));
            short[] peaks = blocks[b].peaks();
            short[] rms = blocks[b].rms();
            for (int i = i0; i < i1; i++) {
                short peak = peaks[OFFSETS[level] + i];
                if (peak != AudioEnvelope.NO_AUDIO) {
                    visitor.bucket(blockStart + i * width, peak, rms[OFFSETS[level] + i]);
                }
            }
        }
    }

    private static Block emptyBlock() {
        short[] peaks = new short[OFFSETS[LEVELS]];
        Arrays.fill(peaks, AudioEnvelope.NO_AUDIO);
        return new Block(peaks, peaks.clone());
    }

    /** A copy of {@code block} with the envelope's heard buckets in it and its upper levels rebuilt; or itself. */
    private static Block write(Block block, long blockStartMs, AudioEnvelope envelope) {
        short[] peaks = null;
        short[] rms = null;
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int i = 0; i < envelope.size(); i++) {
            long slot = (envelope.bucketStartMs(i) - blockStartMs) / AudioEnvelope.BUCKET_MS;
            if (slot < 0 || slot >= BLOCK_BUCKETS || !envelope.heard(i)) {
                continue;
            }
            if (peaks == null) {
                peaks = block.peaks().clone();
                rms = block.rms().clone();
            }
            peaks[(int) slot] = envelope.peak(i);
            rms[(int) slot] = envelope.rms(i);
            lo = Math.min(lo, (int) slot);
            hi = Math.max(hi, (int) slot);
        }
        if (peaks == null) {
            return block;
        }
        for (int k = 1; k < LEVELS; k++) {
            lo >>= 1;
            hi >>= 1;
            for (int i = lo; i <= hi; i++) {
                merge(peaks, rms, OFFSETS[k - 1] + 2 * i, OFFSETS[k] + i);
            }
        }
        return new Block(peaks, rms);
    }

    /** Bucket {@code to} from the pair at {@code from}: the louder peak, the RMS by power, unheard if both are. */
    private static void merge(short[] peaks, short[] rms, int from, int to) {
        short p0 = peaks[from];
        short p1 = peaks[from + 1];
        peaks[to] = (short) Math.max(p0, p1);
        if (p0 == AudioEnvelope.NO_AUDIO || p1 == AudioEnvelope.NO_AUDIO) {
            rms[to] = p0 == AudioEnvelope.NO_AUDIO ? rms[from + 1] : rms[from];
        } else {
            double r0 = rms[from];
            double r1 = rms[from + 1];
            rms[to] = (short) Math.round(Math.sqrt((r0 * r0 + r1 * r1) / 2));
        }
    }

    private static long[] insertAt(long[] array, int at, long value) {
        long[] out = new long[array.length + 1];
        System.arraycopy(array, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(array, at, out, at + 1, array.length - at);
        return out;
    }

    private static Block[] insertAt(Block[] array, int at, Block value) {
        Block[] out = new Block[array.length + 1];
        System.arraycopy(array, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(array, at, out, at + 1, array.length - at);
        return out;
    }
}
