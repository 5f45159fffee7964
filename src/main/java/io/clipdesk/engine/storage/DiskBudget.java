package io.clipdesk.engine.storage;

import io.clipdesk.engine.dvr.RetentionPolicy;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The DVR's disk budget, beside its time depth ({@link RetentionPolicy}): which segments go so the data dir's disk
 * keeps its {@link DiskReserve} free, and whether a new clip or stream fits. Pure: readings and sizes in,
 * decisions out.
 */
public final class DiskBudget {

    /**
     * The DVR trims to this many seconds of ingest above the reserve, so the media written between two retention
     * ticks never dips into it (and the disk does not flicker between full and not).
     */
    static final int HEADROOM_S = 10;
    /** A failed write with less than this free is a full disk even without a reserve. */
    static final long NO_ROOM_BYTES = 1L << 20;
    /** MPEG-TS packet and PES headers over the elementary streams' bitrate. */
    private static final int TS_OVERHEAD_PERCENT = 10;

    private DiskBudget() {
    }

    /** Bytes per second a stream's DVR grows by: every rendition's video plus its AAC audio, in MPEG-TS. */
    public static long bytesPerSecond(List<Rendition> ladder) {
        long kbps = ladder.stream().mapToLong(r -> r.videoKbps() + Rendition.AUDIO_KBPS).sum();
        return kbps * 1000 / 8 * (100 + TS_OVERHEAD_PERCENT) / 100;
    }

    /** The free bytes a trim restores: the reserve plus headroom for {@code ingestBytesPerS} of new media. */
    public static long trimTargetBytes(long reserveBytes, long ingestBytesPerS) {
        return reserveBytes + ingestBytesPerS * HEADROOM_S;
    }

    /**
     * The segments to drop, oldest first across all streams, until {@code freeBytes} reaches {@code targetBytes}. A
     * stream's newest segment always stays, so its live edge still plays.
     *
     * @param segments every stream's DVR, in any order
     * @param bytesOf  what dropping one segment frees (nothing for media a clip still holds)
     */
    public static List<Segment> toDrop(List<Segment> segments, ToLongFunction<Segment> bytesOf, long freeBytes,
                                long targetBytes) {
        if (freeBytes >= targetBytes) {
            return List.of();
        }
        Map<Long, Long> newest = new HashMap<>();
        segments.forEach(s -> newest.merge(s.streamId(), s.sequence(), Math::max));
        List<Segment> oldestFirst = segments.stream()
                .filter(s -> s.sequence() != newest.get(s.streamId()))
                .sorted(Comparator.comparingLong(Segment::startMs).thenComparingLong(Segment::streamId))
                .toList();
        List<Segment> drop = new ArrayList<>();
        long free = freeBytes;
        for (Segment segment : oldestFirst) {
            if (free >= targetBytes) {
                break;
            }
            drop.add(segment);
            free += bytesOf.applyAsLong(segment);
        }
        return drop;
    }

    /**
     * Bytes a clip takes: its segments (kept after the DVR drops them) and an MP4 of each rendition, plus one more
     * MP4 of each for a permanent video. The cut covers whole segments, so up to one more on each side.
     */
    public static long clipBytes(List<Rendition> ladder, long durationS, int segmentDurationMs, boolean vodRequired) {
        long mediaMs = durationS * 1000 + 2L * segmentDurationMs;
        long once = bytesPerSecond(ladder) * mediaMs / 1000;
        return once * (vodRequired ? 3 : 2);
    }

    /** Bytes a new stream needs: the shortest DVR allowed of its ladder. */
    public static long streamBytes(List<Rendition> ladder) {
        return bytesPerSecond(ladder) * LiveStream.MIN_DVR_DURATION_S;
    }

    /**
     * Whether {@code needBytes} fit: what is free plus what the DVR can give back (all but its newest media) must
     * still leave the reserve.
     */
    static boolean fits(long needBytes, long freeBytes, long dvrBytes, long reserveBytes) {
        return freeBytes + dvrBytes - needBytes >= Math.max(reserveBytes, NO_ROOM_BYTES);
    }

    /** Whether a write that failed failed for want of space. */
    static boolean noRoom(long freeBytes, long reserveBytes) {
        return freeBytes < Math.max(reserveBytes, NO_ROOM_BYTES);
    }
}
