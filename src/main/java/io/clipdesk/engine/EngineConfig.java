package io.clipdesk.engine;

import java.time.ZoneId;

/**
 * Engine settings. {@code segmentDurationMs} is the DVR segment (and GOP) length; {@code liveWindowSegments}
 * how many segments the sliding live playlist carries; {@code zone} names default clip titles; {@code diskReserve}
 * is the free space the DVR leaves on the data dir's disk (its budget beside {@code dvr_duration}).
 */
public record EngineConfig(
        DataLayout layout,
        int segmentDurationMs,
        int liveWindowSegments,
        int cutThreads,
        long sweepIntervalMs,
        boolean createDefaultStream,
        ZoneId zone,
        DiskReserve diskReserve) {

    public static final int DEFAULT_SEGMENT_DURATION_MS = 2000;

    public EngineConfig {
        if (segmentDurationMs < 200 || segmentDurationMs > 10_000) {
            throw new IllegalArgumentException("segment duration must be 200–10000 ms, got " + segmentDurationMs);
        }
        if (liveWindowSegments < 3) {
            throw new IllegalArgumentException("the live window needs at least 3 segments");
        }
        if (cutThreads < 1) {
            throw new IllegalArgumentException("at least one clip-cut thread");
        }
        java.util.Objects.requireNonNull(diskReserve, "diskReserve");
    }

    public static EngineConfig defaults(DataLayout layout) {
        return new EngineConfig(layout, DEFAULT_SEGMENT_DURATION_MS, 6, 2, 1000, true, ZoneId.systemDefault(),
                DiskReserve.DEFAULT);
    }

    public EngineConfig withSegmentDurationMs(int ms) {
        return new EngineConfig(layout, ms, liveWindowSegments, cutThreads, sweepIntervalMs, createDefaultStream, zone,
                diskReserve);
    }

    public EngineConfig withDefaultStream(boolean create) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs, create, zone,
                diskReserve);
    }

    public EngineConfig withZone(ZoneId newZone) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, newZone, diskReserve);
    }

    public EngineConfig withDiskReserve(DiskReserve reserve) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, zone, reserve);
    }
}
