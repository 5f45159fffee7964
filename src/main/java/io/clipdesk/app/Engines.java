package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.DataLayout;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.SegmentStore;
import io.clipdesk.media.FfmpegRemuxer;
import io.clipdesk.media.FfmpegSegmentTrimmer;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.MediaSourceFactory;
import io.clipdesk.media.TestSignalSource;
import io.clipdesk.store.Database;
import io.clipdesk.store.SqliteClipRepository;
import io.clipdesk.store.SqliteSegmentStore;
import io.clipdesk.store.SqliteSettingsRepository;
import io.clipdesk.store.SqliteStreamRepository;
import io.clipdesk.store.SqliteVideoRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Wires the embedded engine: SQLite store + FFmpeg media behind the engine's ports. */
public final class Engines {

    private Engines() {
    }

    public static ClipEngine open(Path dataDir, Clock clock, int segmentDurationMs) {
        return open(EngineConfig.defaults(new DataLayout(dataDir)).withSegmentDurationMs(segmentDurationMs), clock);
    }

    public static ClipEngine open(EngineConfig config, Clock clock) {
        return open(config, clock, UnaryOperator.identity());
    }

    /** @param segments wraps the DVR index (tests interleave its calls with ingest) */
    static ClipEngine open(EngineConfig config, Clock clock, UnaryOperator<SegmentStore> segments) {
        MediaRuntime.warmUp();
        Database database = Database.open(config.layout());
        try {
            ClipEngine.Ports ports = new ClipEngine.Ports(new SqliteStreamRepository(database),
                    segments.apply(new SqliteSegmentStore(database)), new SqliteClipRepository(database),
                    new SqliteVideoRepository(database), new SqliteSettingsRepository(database),
                    new MediaSourceFactory(TestSignalSource.Pacing.REAL_TIME, config.ingestBind()),
                    new FfmpegRemuxer(), new FfmpegSegmentTrimmer(), database);
            return ClipEngine.start(config, clock, ports);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
