package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.DiskSpace;
import io.clipdesk.media.reframe.FfmpegReframer;
import io.clipdesk.media.clip.FfmpegRemuxer;
import io.clipdesk.media.clip.FfmpegSegmentTrimmer;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.source.MediaSourceFactory;
import io.clipdesk.media.testsignal.TestSignalSource;
import io.clipdesk.store.Database;
import io.clipdesk.store.SqliteClipRepository;
import io.clipdesk.store.SqliteDeliveryRepository;
import io.clipdesk.store.SqliteDestinationRepository;
import io.clipdesk.store.SqliteReframeRepository;
import io.clipdesk.store.SqliteSegmentStore;
import io.clipdesk.store.SqliteSettingsRepository;
import io.clipdesk.store.SqliteStreamRepository;
import io.clipdesk.store.SqliteVideoRepository;
import io.clipdesk.transport.FolderTransport;
import io.clipdesk.transport.HttpTransport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** Wires the embedded engine: SQLite store + FFmpeg media behind the engine's ports. */
public final class Engines {

    private Engines() {
    }

    /**
     * For tests and benchmarks: no disk reserve, so what they see does not hang on the free space of the machine
     * they run on (the applications pass their {@link EngineConfig} with the reserve asked for).
     */
    public static ClipEngine open(Path dataDir, Clock clock, int segmentDurationMs) {
        return open(EngineConfig.defaults(new DataLayout(dataDir)).withSegmentDurationMs(segmentDurationMs)
                .withDiskReserve(DiskReserve.NONE), clock);
    }

    public static ClipEngine open(EngineConfig config, Clock clock) {
        return open(config, clock, DiskSpace.of(config.layout().root()));
    }

    /** With the data dir's free space read through {@code disk} (tests fake a disk filling up). */
    public static ClipEngine open(EngineConfig config, Clock clock, DiskSpace disk) {
        return open(config, clock, disk, UnaryOperator.identity());
    }

    /** @param segments wraps the DVR index (tests interleave its calls with ingest) */
    static ClipEngine open(EngineConfig config, Clock clock, UnaryOperator<SegmentStore> segments) {
        return open(config, clock, DiskSpace.of(config.layout().root()), segments);
    }

    private static ClipEngine open(EngineConfig config, Clock clock, DiskSpace disk,
                                   UnaryOperator<SegmentStore> segments) {
        MediaRuntime.warmUp();
        Database database = Database.open(config.layout());
        try {
            ClipEngine.Ports ports = new ClipEngine.Ports(new SqliteStreamRepository(database),
                    segments.apply(new SqliteSegmentStore(database)), new SqliteClipRepository(database),
                    new SqliteVideoRepository(database), new SqliteSettingsRepository(database),
                    new MediaSourceFactory(TestSignalSource.Pacing.REAL_TIME, config.ingestBind()),
                    new FfmpegRemuxer(), new FfmpegSegmentTrimmer(), database, disk,
                    new SqliteDestinationRepository(database), new SqliteDeliveryRepository(database),
                    List.of(new FolderTransport(), new HttpTransport()), new SqliteReframeRepository(database),
                    new FfmpegReframer());
            return ClipEngine.start(config, clock, ports);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
