package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.testsignal.TestSignalRecorder;
import io.clipdesk.store.Database;
import io.clipdesk.store.SqliteSegmentStore;
import io.clipdesk.store.SqliteStreamRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Clip creation with a 1-minute DVR index against a 4-hour one (7,200 segments): the cost must not grow with
 * the DVR. The DVR is built from a few real segments linked under many sequence numbers; the clock is fixed at
 * its live edge so ingest adds nothing while we measure.
 */
final class ClipCreationBench {

    private static final int SEGMENT_MS = 2000;
    private static final int CLIPS = 15;

    static void run(Path work) throws Exception {
        BenchReport.section("Clip creation, 10 s clip, 1-minute vs 4-hour DVR index, median of " + CLIPS);
        TestSignalRecorder.Recording real = TestSignalRecorder.record(stream(0), SEGMENT_MS, 5, Clock.systemUTC(),
                work.resolve("real"));
        long endMs = (Instant.now().getEpochSecond() / 2) * 2000;
        Clock clock = Clock.fixed(Instant.ofEpochMilli(endMs), ZoneOffset.UTC);
        double[][] shortDvr = new double[2][CLIPS];
        double[][] longDvr = new double[2][CLIPS];
        // Both engines run side by side and take turns, so load from anything else on the machine hits both alike.
        try (ClipEngine oneMinute = open(work.resolve("dvr-1min"), 60 / 2, real, clock);
             ClipEngine fourHours = open(work.resolve("dvr-4h"), 4 * 3600 / 2, real, clock)) {
            for (int i = -3; i < CLIPS; i++) {
                measureOnce(oneMinute, endMs, i, shortDvr);
                measureOnce(fourHours, endMs, i, longDvr);
            }
        }
        BenchReport.line("create() call, 1-min DVR (30 segments)", ms(BenchReport.median(shortDvr[0])), "");
        BenchReport.line("create() call, 4-h DVR (7,200 segments)", ms(BenchReport.median(longDvr[0])), "");
        BenchReport.line("create -> ready, 1-min DVR", ms(BenchReport.median(shortDvr[1])), "");
        BenchReport.line("create -> ready, 4-h DVR", ms(BenchReport.median(longDvr[1])), "");
        double ratio = BenchReport.median(longDvr[1]) / BenchReport.median(shortDvr[1]);
        BenchReport.line("ratio 4-h / 1-min (create -> ready)", String.format(Locale.ROOT, "%.2f", ratio),
                "target within 10 %  " + BenchReport.verdict(Math.abs(ratio - 1) <= 0.10));
    }

    private static LiveStream stream(long id) {
        return new LiveStream(id, "Bench", SourceSpec.TEST_SIGNAL, true, 14400, "benchbenchbe", 0,
                Rendition.DEFAULT_LADDER);
    }

    /** A data dir whose DVR index holds {@code segments} × 2 s up to the clock, and an engine on it. */
    private static ClipEngine open(Path dir, int segments, TestSignalRecorder.Recording real, Clock clock)
            throws Exception {
        DataLayout layout = new DataLayout(dir);
        long endMs = clock.millis();
        long startMs = endMs - (long) segments * SEGMENT_MS;
        Files.createDirectories(dir);
        try (Database db = Database.open(layout)) {
            LiveStream stream = new SqliteStreamRepository(db).insert(stream(0));
            SqliteSegmentStore store = new SqliteSegmentStore(db);
            db.inTransaction(() -> {
                for (int i = 0; i < segments; i++) {
                    store.insert(new Segment(stream.id(), i, startMs + (long) i * SEGMENT_MS, SEGMENT_MS * 1000L,
                            false));
                }
            });
            for (int i = 0; i < segments; i++) {
                for (Rendition r : stream.renditions()) {
                    Path target = layout.dvrSegment(stream.id(), r.name(), i);
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, real.files(r.name()).get(i % real.segments().size()));
                }
            }
        }
        EngineConfig config = EngineConfig.defaults(layout).withSegmentDurationMs(SEGMENT_MS).withZone(ZoneOffset.UTC);
        return Engines.open(config, clock);
    }

    /** Creates one 10 s clip near the live edge; round {@code i} < 0 warms up and is not recorded. */
    private static void measureOnce(ClipEngine engine, long endMs, int i, double[][] into) {
        long t = System.nanoTime();
        Clip clip = engine.clips().create(ClipRequest.of(1, endMs / 1000 - 20 - Math.max(i, 0), 10));
        long created = System.nanoTime();
        while (engine.clips().get(clip.id()).status() == ClipStatus.RECORDING) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        if (i >= 0) {
            into[0][i] = (created - t) / 1e6;
            into[1][i] = (System.nanoTime() - t) / 1e6;
        }
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
