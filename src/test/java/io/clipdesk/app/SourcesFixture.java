package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real engine (SQLite, FFmpeg, 1 s segments unless told, no built-in test-signal stream) on a temp dir with a
 * hand-moved clock, for streams fed by real outside sources: ffmpeg pushing RTMP/SRT, an HLS origin, a file.
 */
final class SourcesFixture implements AutoCloseable {

    static final int SEGMENT_MS = 1000;

    record HealthChange(long streamId, SourceHealth health, String detail) {
    }

    final MutableClock clock = MutableClock.atWholeSecond();
    final ClipEngine engine;
    final List<HealthChange> health = new CopyOnWriteArrayList<>();
    private final int segmentMs;

    SourcesFixture(Path dir) {
        this(dir, SEGMENT_MS);
    }

    SourcesFixture(Path dir, int segmentMs) {
        this.segmentMs = segmentMs;
        EngineConfig config = EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(segmentMs)
                .withDefaultStream(false).withDiskReserve(DiskReserve.NONE);
        engine = Engines.open(config, clock);
        engine.streams().addListener(new SegmentListener() {
            @Override
            public void onSegment(Segment segment) {
            }

            @Override
            public void onHealth(long streamId, SourceHealth h, String detail) {
                health.add(new HealthChange(streamId, h, detail));
            }
        });
    }

    LiveStream create(String name, SourceSpec source) {
        return engine.streams().create(new StreamDraft(name, source, true, 3600));
    }

    List<Segment> segments(long streamId) {
        return engine.streams().segments(streamId, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    void awaitSegments(long streamId, int count) {
        LiveFeed.await(count + " segments of stream " + streamId, () -> segments(streamId).size() >= count);
    }

    /**
     * Waits until a frozen source has delivered what was already in flight: no new segment for a second and a
     * half of real time (a pushed encoder's last packets sit in the socket until the ingest thread reads them).
     */
    void awaitQuiet(long streamId) throws InterruptedException {
        int count = -1;
        for (int stable = 0; stable < 15; stable = segments(streamId).size() == count ? stable + 1 : 0) {
            count = segments(streamId).size();
            Thread.sleep(100);
        }
    }

    void awaitHealth(long streamId, SourceHealth wanted, String detailPart) {
        try {
            LiveFeed.await("stream " + streamId + " " + wanted, () -> health.stream().anyMatch(h -> h.streamId() == streamId
                    && h.health() == wanted && h.detail().contains(detailPart)));
        } catch (AssertionError e) {
            throw new AssertionError("health so far: " + health, e);
        }
    }

    SourceHealth state(long streamId) {
        return engine.streams().state(streamId).health();
    }

    /**
     * Waits until the stream's health is {@code expected} now (the history may hold it from before): the DVR
     * indexes a segment before the recorder says the source is live again.
     */
    void awaitState(long streamId, SourceHealth expected) {
        try {
            LiveFeed.await("stream " + streamId + " " + expected + " now", () -> state(streamId) == expected);
        } catch (AssertionError e) {
            throw new AssertionError("health now " + state(streamId) + "; changes: " + health, e);
        }
    }

    /** The stream's health now, failing with the history of changes when it is another. */
    void assertHealth(long streamId, SourceHealth expected) {
        SourceHealth actual = state(streamId);
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " but was " + actual + "; changes: " + health);
        }
    }

    /** Asks for a clip and waits until it is ready (or failed, which fails the test). */
    Clip readyClip(long streamId, long startS, long durationS) {
        return readyClip(ClipRequest.of(streamId, startS, durationS));
    }

    /** Asks for a clip and waits until it is ready (or failed, which fails the test). */
    Clip readyClip(ClipRequest request) {
        Clip clip = engine.clips().create(request);
        LiveFeed.await("clip " + clip.id(), () -> engine.clips().get(clip.id()).status() != ClipStatus.RECORDING);
        Clip done = engine.clips().get(clip.id());
        if (done.status() != ClipStatus.READY) {
            throw new AssertionError("clip not ready: " + done);
        }
        // Pushed media runs on real time while this clock stands still; media is served once its end has passed.
        long servableMs = clip.endS() * 1000 + segmentMs;
        if (clock.millis() < servableMs) {
            clock.set(java.time.Instant.ofEpochMilli(servableMs));
        }
        return done;
    }

    Path clipFile(long streamId, String name) {
        return ((MediaContent.FileContent) engine.media().clip(streamId, name)).path();
    }

    Path clipMp4(Clip clip) {
        return clipFile(clip.streamId(), MediaPaths.clipMasterMp4(clip.id()));
    }

    @Override
    public void close() {
        engine.close();
    }
}
