package io.clipdesk.ui.dvr;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk's waveform follows the engine's DVR through the stream service: the test signal, a moved clock. */
class DvrWaveformTest {

    private static final long STREAM = 1;

    @TempDir
    Path dir;

    @Test
    void follow_fetchesTheBeepsAsTheDvrGrows_andLetsGoWhenTheDvrIsEmptied() {
        MutableClock clock = MutableClock.atWholeSecond();
        try (ClipEngine engine = Engines.open(dir, clock, 1000)) {
            AtomicInteger changes = new AtomicInteger();
            DvrWaveform waveform = new DvrWaveform(STREAM, new EmbeddedDesk(engine, ""), changes::incrementAndGet);
            LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(4));
            DvrWindow first = engine.streams().state(STREAM).window();
            waveform.follow(first);
            assertEquals(beepSeconds(first), loudBuckets(waveform.snapshot(), 0, first),
                    "a beep on each whole second, at 20 ms");

            LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(3));
            DvrWindow grown = engine.streams().state(STREAM).window();
            int before = changes.get();
            waveform.follow(grown);
            assertTrue(changes.get() > before, "the new seconds were told");
            assertEquals(beepSeconds(grown), loudBuckets(waveform.snapshot(), 0, grown), "and fetched");

            engine.streams().cleanupDvr(STREAM);
            waveform.follow(DvrWindow.EMPTY);
            assertTrue(waveform.snapshot().isEmpty(), "an emptied DVR has no sound left to draw");
        }
    }

    /** Starts of the buckets at {@code level} louder than a quarter of full scale that follow a quieter one. */
    private static List<Long> loudBuckets(WaveformPyramid pyramid, int level, DvrWindow window) {
        List<Long> onsets = new ArrayList<>();
        long[] last = {window.startMs() - 1000};
        pyramid.visit(level, window.startMs(), window.endMs(), (startMs, peak, rms) -> {
            if (peak > Short.MAX_VALUE / 4) {
                if (startMs - last[0] > WaveformPyramid.bucketMs(level)) {
                    onsets.add(Math.round(startMs / 1000.0) * 1000); // the nearest second
                }
                last[0] = startMs;
            }
        });
        return onsets;
    }

    /** The whole seconds of the window whose beep it holds entirely. */
    private static List<Long> beepSeconds(DvrWindow window) {
        List<Long> seconds = new ArrayList<>();
        for (long s = -Math.floorDiv(-window.startMs(), 1000) * 1000; s + 100 <= window.endMs(); s += 1000) {
            seconds.add(s);
        }
        return seconds;
    }
}
