package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A real engine (SQLite file, FFmpeg test signal, 1 s segments unless told) on a temp dir, driven by a hand-moved clock. */
final class EngineFixture implements AutoCloseable {

    static final int SEGMENT_MS = 1000;
    static final long STREAM = 1;

    final MutableClock clock = MutableClock.atWholeSecond();
    final Path dir;
    ClipEngine engine;

    EngineFixture(Path dir) {
        this(dir, SEGMENT_MS);
    }

    EngineFixture(Path dir, int segmentMs) {
        this(dir, segmentMs, UnaryOperator.identity());
    }

    /** @param segments wraps the engine's DVR index, to interleave its calls with ingest */
    EngineFixture(Path dir, int segmentMs, UnaryOperator<SegmentStore> segments) {
        this.dir = dir;
        // No disk reserve: what a test sees must not hang on the free space of the machine it runs on.
        this.engine = Engines.open(EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(segmentMs)
                .withDiskReserve(DiskReserve.NONE), clock, segments);
    }

    void produce(Duration duration) {
        LiveFeed.produce(clock, engine, STREAM, duration);
    }

    long nowS() {
        return clock.millis() / 1000;
    }

    DvrWindow window() {
        return engine.streams().state(STREAM).window();
    }

    Clip awaitStatus(String clipId, ClipStatus status) {
        await("clip " + clipId + " to be " + status, () -> engine.clips().get(clipId).status() == status);
        return engine.clips().get(clipId);
    }

    static void await(String what, BooleanSupplier condition) {
        LiveFeed.await(what, condition);
    }

    @Override
    public void close() {
        engine.close();
    }
}
