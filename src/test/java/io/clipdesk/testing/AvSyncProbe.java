package io.clipdesk.testing;

import javafx.animation.AnimationTimer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A/V sync of a desk playing the test signal, as a viewer meets it: each 1 kHz beep recorded from the sound
 * server ({@link SinkRecorder}) against the pulse that put its second's flash frame on screen. Shared by the desk's
 * sound test and the sound bench, so both measure the same thing.
 */
public final class AvSyncProbe {

    /** Beep detection level, as a fraction of full scale. */
    public static final double BEEP = 0.05;

    private final SinkRecorder recorder;
    private final List<long[]> pulses = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer;

    /** What {@link #measure} found: offsets in ms (sound heard minus picture drawn), beeps heard, flashes drawn. */
    public record Result(List<Long> offsetsMs, int beepsHeard, int flashesDrawn) {
    }

    /**
     * FX thread: watches {@code picture} on every pulse, before it renders: the monotonic time, the wall-clock
     * time of the picture about to be drawn, and whether it is a flash frame (a white band on top).
     */
    public AvSyncProbe(SinkRecorder recorder, Image picture, LongSupplier positionMs) {
        this.recorder = recorder;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long seen = System.nanoTime();
                PixelReader r = picture.getPixelReader();
                int w = (int) picture.getWidth();
                int y = (int) (picture.getHeight() * 0.05);
                boolean white = true;
                for (int x = w / 8; x < w; x += w / 4) {
                    int argb = r.getArgb(x, y);
                    white &= ((argb >> 16) & 0xFF) > 225 && ((argb >> 8) & 0xFF) > 225 && (argb & 0xFF) > 225;
                }
                pulses.add(new long[] {seen, positionMs.getAsLong(), white ? 1 : 0});
            }
        };
        timer.start();
    }

    /** FX thread. */
    public void stop() {
        timer.stop();
    }

    /**
     * Sound heard minus picture shown, in ms, for each beep of the next {@code ms}: the beep of second S against
     * the first pulse that drew S's flash frame. Where the desk never drew that frame (a frame a busy FX thread
     * replaced before a pulse), the first pulse after it, less the media time it is past S.
     */
    public Result measure(long ms) throws InterruptedException {
        Thread.sleep(1500); // settle after a jump
        pulses.clear();
        long start = System.nanoTime();
        Thread.sleep(ms);
        Thread.sleep(500); // the recording's own delay
        int from = recorder.indexAt(start);
        List<long[]> drawn = List.copyOf(pulses);
        List<Integer> onsets = recorder.onsets(from, BEEP, 500);
        List<Long> offsets = new ArrayList<>();
        java.util.Set<Long> paired = new java.util.HashSet<>();
        int flashesDrawn = 0;
        for (int onset : onsets) {
            long heard = recorder.nanosOf(onset);
            long[] before = null;
            for (long[] p : drawn) {
                if (p[0] <= heard) {
                    before = p;
                }
            }
            if (before == null) {
                continue;
            }
            long second = Math.round(before[1] / 1000.0) * 1000;
            if (!paired.add(second)) {
                continue; // the picture stood still over two beeps: the later one has no flash of its own
            }
            for (long[] p : drawn) {
                if (p[1] >= second && p[1] < second + 200) {
                    offsets.add((heard - p[0]) / 1_000_000 + (p[1] - second));
                    flashesDrawn += (int) p[2];
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d beeps heard in %.1f s, %d paired, %d on a drawn white flash: %s%n",
                onsets.size(), (recorder.count() - from) / 48_000.0, offsets.size(), flashesDrawn, offsets);
        return new Result(offsets, onsets.size(), flashesDrawn);
    }

    /** The median of {@code offsetsMs}. */
    public static long median(List<Long> offsetsMs) {
        List<Long> sorted = new ArrayList<>(offsetsMs);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** The largest offset either way. */
    public static long worst(List<Long> offsetsMs) {
        return offsetsMs.stream().mapToLong(Math::abs).max().orElseThrow();
    }
}
