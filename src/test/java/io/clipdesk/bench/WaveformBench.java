package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.media.ingest.EnvelopeCost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the waveform costs at ingest, on the real clock with 2 s segments: the ingest thread's CPU with the envelope
 * computed (as it always is), and beside it the same without the envelope's share, which is measured by decoding
 * the very segments the run wrote once more through the envelope's decoder on this thread.
 */
final class WaveformBench {

    private static final int SEGMENT_MS = 2000;

    static void run(Path work, int seconds) throws Exception {
        BenchReport.section("Waveform at ingest: AAC decode + peak/RMS per 20 ms of every segment, 2 s segments, "
                + "real clock");
        report("test signal 720p + 360p", measure(work.resolve("wave-signal"), SourceSpec.TEST_SIGNAL, seconds));
        Path feed = SourcesBench.feed(work);
        report("remuxed 1080p 5 Mbps file", measure(work.resolve("wave-remux"),
                new SourceSpec(SourceKind.FILE_LOOP, feed.toString()), seconds));
    }

    private record Cost(double ingestPercent, double envelopePercent, int segments) {
    }

    private static void report(String source, Cost cost) {
        BenchReport.line(source + ": ingest CPU", String.format(Locale.ROOT, "%.2f %% of a core",
                cost.ingestPercent()), String.format(Locale.ROOT, "without the envelope %.2f %%",
                cost.ingestPercent() - cost.envelopePercent()));
        BenchReport.line(source + ": the envelope's share", String.format(Locale.ROOT, "%.3f %% of a core",
                cost.envelopePercent()), cost.segments() + " segments decoded again to measure it");
    }

    private static Cost measure(Path dir, SourceSpec source, int seconds) throws Exception {
        EngineConfig config = EngineConfig.defaults(new DataLayout(dir)).withSegmentDurationMs(SEGMENT_MS)
                .withDefaultStream(false);
        try (ClipEngine engine = Engines.open(config, Clock.systemUTC())) {
            LiveStream stream = engine.streams().create(new StreamDraft("Waveform", source, true,
                    LiveStream.MIN_DVR_DURATION_S * 4));
            while (engine.streams().state(stream.id()).segmentCount() < 2) {
                Thread.sleep(100);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long ingest0 = SourcesBench.ingestCpuNs(threads);
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wallNs = System.nanoTime() - wall0;
            double ingestPercent = 100.0 * (SourcesBench.ingestCpuNs(threads) - ingest0) / wallNs;
            LiveStream now = engine.streams().get(stream.id());
            Rendition smallest = now.renditions().stream().min(Comparator.comparingInt(Rendition::height))
                    .orElseThrow();
            List<Segment> segments = engine.streams().segments(stream.id(), Long.MIN_VALUE, Long.MAX_VALUE);
            List<Path> files = segments.stream()
                    .map(s -> engine.layout().dvrSegment(stream.id(), smallest.name(), s.sequence())).toList();
            double mediaMs = segments.stream().mapToLong(s -> s.durationUs() / 1000).sum();
            double envelopePercent = 100.0 * EnvelopeCost.cpuMs(files) / mediaMs;
            return new Cost(ingestPercent, envelopePercent, segments.size());
        }
    }
}
