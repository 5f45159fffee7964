package io.clipdesk.engine;

import java.time.ZoneId;

/**
 * Engine settings. {@code segmentDurationMs} is the DVR segment (and GOP) length; {@code liveWindowSegments}
 * how many segments the sliding live playlist carries; {@code zone} names default clip titles.
 */
public record EngineConfig(
        DataLayout layout,
        int segmentDurationMs,
        int liveWindowSegments,
        int cutThreads,
        long sweepIntervalMs,
        boolean createDefaultStream,
        ZoneId zone) {

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
    }

    /** When this engine's clips are ready and until when. */
    public ClipLifecycle clipLifecycle() {
        return new ClipLifecycle(segmentDurationMs);
    }

    public static EngineConfig defaults(DataLayout layout) {
        return new EngineConfig(layout, DEFAULT_SEGMENT_DURATION_MS, 6, 2, 1000, true, ZoneId.systemDefault());
    }

    public EngineConfig withSegmentDurationMs(int ms) {
        return new EngineConfig(layout, ms, liveWindowSegments, cutThreads, sweepIntervalMs, createDefaultStream, zone);
    }

    public EngineConfig withDefaultStream(boolean create) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs, create, zone);
    }

    public EngineConfig withZone(ZoneId newZone) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, newZone);
    }
}
