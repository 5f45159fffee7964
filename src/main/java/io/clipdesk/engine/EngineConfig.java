package io.clipdesk.engine;

import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.stream.MediaRoots;
import io.clipdesk.engine.stream.PushAddress;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Engine settings. {@code segmentDurationMs} is the DVR segment (and GOP) length; {@code liveWindowSegments}
 * how many segments the sliding live playlist carries; {@code zone} names default clip titles;
 * {@code ingestBind} the address RTMP/SRT push listeners listen on (every interface by default, for encoders
 * on other machines); {@code fileSources} which local files a file source may read; {@code diskReserve} the
 * free space the DVR leaves on the data dir's disk (its budget beside {@code dvr_duration}); {@code apiPort} the
 * port the REST API is set to serve on (0: no API, or one whose port is chosen when it binds), which no push
 * listener may take: ingest starts before the API binds, and a listener there would keep the API from starting.
 */
public record EngineConfig(
        DataLayout layout,
        int segmentDurationMs,
        int liveWindowSegments,
        int cutThreads,
        long sweepIntervalMs,
        boolean createDefaultStream,
        ZoneId zone,
        String ingestBind,
        MediaRoots fileSources,
        DiskReserve diskReserve,
        int apiPort) {

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
        Objects.requireNonNull(ingestBind, "ingestBind");
        Objects.requireNonNull(fileSources, "fileSources");
        Objects.requireNonNull(diskReserve, "diskReserve");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("the API port must be 0–65535, got " + apiPort);
        }
    }

    /** When this engine's clips are ready and until when. */
    public ClipLifecycle clipLifecycle() {
        return new ClipLifecycle(segmentDurationMs);
    }

    public static EngineConfig defaults(DataLayout layout) {
        return new EngineConfig(layout, DEFAULT_SEGMENT_DURATION_MS, 6, 2, 1000, true, ZoneId.systemDefault(),
                PushAddress.ANY_INTERFACE, MediaRoots.ANY_LOCAL_FILE, DiskReserve.DEFAULT, 0);
    }

    public EngineConfig withSegmentDurationMs(int ms) {
        return new EngineConfig(layout, ms, liveWindowSegments, cutThreads, sweepIntervalMs, createDefaultStream, zone,
                ingestBind, fileSources, diskReserve, apiPort);
    }

    public EngineConfig withDefaultStream(boolean create) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs, create,
                zone, ingestBind, fileSources, diskReserve, apiPort);
    }

    public EngineConfig withZone(ZoneId newZone) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, newZone, ingestBind, fileSources, diskReserve, apiPort);
    }

    public EngineConfig withIngestBind(String address) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, zone, address, fileSources, diskReserve, apiPort);
    }

    public EngineConfig withFileSources(MediaRoots roots) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, zone, ingestBind, roots, diskReserve, apiPort);
    }

    public EngineConfig withDiskReserve(DiskReserve reserve) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, zone, ingestBind, fileSources, reserve, apiPort);
    }

    public EngineConfig withApiPort(int port) {
        return new EngineConfig(layout, segmentDurationMs, liveWindowSegments, cutThreads, sweepIntervalMs,
                createDefaultStream, zone, ingestBind, fileSources, diskReserve, port);
    }
}
