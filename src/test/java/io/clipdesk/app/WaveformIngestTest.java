package io.clipdesk.app;

import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.testing.Beeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The envelope measured at ingest from each segment's decoded audio, on real media in the real engine: the test
 * signal's beep on every whole second, and the envelope leaving with its segment. (Remuxed and transcoded
 * sources: {@code SegmentEnvelopeTest}.)
 */
class WaveformIngestTest {

    private static final long BEEP_MS = 100;
    private static final long TOLERANCE_MS = 20;

    @TempDir
    Path dir;

    @Test
    void testSignal_envelope_beepsOnEveryWholeSecond_andIsSilentBetween() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.produce(Duration.ofSeconds(8));
            DvrWindow window = f.window();
            AudioEnvelope envelope = f.engine.streams().waveform(STREAM, window.startMs(), window.endMs(), 10_000);

            assertEquals(AudioEnvelope.BUCKET_MS, envelope.bucketMs(), "8 s fit in 10,000 buckets of 20 ms");
            List<Long> onsets = Beeps.onsets(envelope);
            List<Long> seconds = wholeSecondsIn(window.startMs(), window.endMs() - BEEP_MS);
            assertEquals(seconds.size(), onsets.size(), "one beep per second: " + onsets + " for " + seconds);
            for (int i = 0; i < seconds.size(); i++) {
                assertEquals(seconds.get(i), onsets.get(i), TOLERANCE_MS, "beep " + i + " on its whole second");
            }
            assertEquals(List.of(), Beeps.noiseOutside(envelope, onsets, BEEP_MS, 2 * TOLERANCE_MS),
                    "silence between the beeps");
            assertEquals(0, missing(envelope, window.startMs() + 100, window.endMs() - 100),
                    "silence is measured as silence, not as a gap");
        }
    }

    @Test
    void envelope_leavesWithItsSegment_byRetentionAndByDvrCleanup() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.engine.streams().update(STREAM, new StreamPatch(Optional.empty(), Optional.empty(),
                    OptionalInt.of(LiveStream.MIN_DVR_DURATION_S), Optional.empty()));
            f.produce(Duration.ofSeconds(6));
            DvrWindow first = f.window();
            assertTrue(heardBuckets(f, first) > 0, "the first seconds were measured");

            f.produce(Duration.ofSeconds(LiveStream.MIN_DVR_DURATION_S + 4));
            f.engine.sweepNow();
            assertTrue(f.window().startMs() >= first.endMs(), "retention dropped the first seconds: " + f.window());
            assertEquals(0, heardBuckets(f, first), "their envelope went with them");

            DvrWindow later = f.window();
            assertTrue(heardBuckets(f, later) > 0);
            f.engine.streams().cleanupDvr(STREAM);
            assertEquals(0, heardBuckets(f, later), "dvr_cleanup took the envelope with the segments");
        }
    }

    private static int heardBuckets(EngineFixture f, DvrWindow window) {
        AudioEnvelope envelope = f.engine.streams().waveform(STREAM, window.startMs(), window.endMs(), 10_000);
        return envelope.size() - missing(envelope, window.startMs(), window.endMs());
    }

    private static int missing(AudioEnvelope envelope, long fromMs, long toMs) {
        int missing = 0;
        for (int i = 0; i < envelope.size(); i++) {
            long t = envelope.bucketStartMs(i);
            if (t >= fromMs && t < toMs && !envelope.heard(i)) {
                missing++;
            }
        }
        return missing;
    }

    private static List<Long> wholeSecondsIn(long fromMs, long toMs) {
        List<Long> seconds = new java.util.ArrayList<>();
        for (long s = -Math.floorDiv(-fromMs, 1000) * 1000; s < toMs; s += 1000) {
            seconds.add(s);
        }
        return seconds;
    }
}
