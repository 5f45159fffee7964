package io.clipdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records what this JVM plays, on real output: a private PulseAudio null sink (other processes on the machine
 * keep the default one), this process's playback streams moved onto it, and {@code parec} on its monitor as raw
 * mono s16 at 48 kHz. Each sample is placed on the System.nanoTime clock: reads are timestamped as they arrive,
 * and the earliest (arrival − samples before) over the reads within half a second bounds when a sample was heard,
 * so a busy machine that makes the server drop some of the recording shifts the times only locally.
 */
public final class SinkRecorder implements AutoCloseable {

    public static final int RATE = 48_000;

    private final String sink = "clipdesk_test_" + ProcessHandle.current().pid();
    private final String module;
    private Process parec;
    private Thread reader;
    private final short[] samples = new short[RATE * 400];
    private volatile int count;
    private final long[] readEnd = new long[RATE * 400 / 240];
    private final long[] readNanos = new long[readEnd.length];
    private volatile int reads;

    public SinkRecorder() throws IOException, InterruptedException {
        module = run("pactl", "load-module", "module-null-sink", "sink_name=" + sink).trim();
    }

    /** Moves every playback stream of this process onto the private sink; the number moved. */
    public int captureThisProcess() throws IOException, InterruptedException {
        String pid = Long.toString(ProcessHandle.current().pid());
        int moved = 0;
        String index = null;
        for (String line : run("pactl", "list", "sink-inputs").split("\n")) {
            String t = line.trim();
            if (t.startsWith("Sink Input #")) {
                index = t.substring("Sink Input #".length());
            } else if (t.equals("application.process.id = \"" + pid + "\"") && index != null) {
                try {
                    run("pactl", "move-sink-input", index, sink);
                    moved++;
                } catch (IOException e) {
                    // A stream that ended between the listing and the move (a probe of the device).
                }
            }
        }
        return moved;
    }

    public void startRecording() throws IOException {
        parec = new ProcessBuilder("parec", "--device=" + sink + ".monitor", "--raw", "--format=s16le",
                "--rate=" + RATE, "--channels=1", "--latency-msec=10").start();
        InputStream in = parec.getInputStream();
        reader = new Thread(() -> {
            byte[] buffer = new byte[960];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    long now = System.nanoTime();
                    int c = count;
                    for (int i = 0; i + 1 < n && c < samples.length; i += 2) {
                        samples[c++] = (short) ((buffer[i] & 0xFF) | (buffer[i + 1] << 8));
                    }
                    count = c;
                    if (reads < readEnd.length) {
                        readEnd[reads] = c;
                        readNanos[reads] = now;
                        reads++;
                    }
                }
            } catch (IOException e) {
                // parec ended
            }
        }, "sink-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    /** Monotonic time at which recorded sample {@code index} was heard. */
    public long nanosOf(int index) {
        long best = Long.MAX_VALUE;
        for (int r = 0, n = reads; r < n; r++) {
            if (Math.abs(readEnd[r] - index) <= RATE / 2) {
                best = Math.min(best, readNanos[r] - (readEnd[r] - index) * 1_000_000_000L / RATE);
            }
        }
        return best;
    }

    public int count() {
        return count;
    }

    /**
     * Onsets of tones: the first 1 ms block louder than {@code threshold} (of full scale) after at least
     * {@code quietMs} of blocks below it, from sample {@code from} on, as sample indexes.
     */
    public List<Integer> onsets(int from, double threshold, int quietMs) {
        List<Integer> found = new ArrayList<>();
        int block = RATE / 1000;
        int quiet = quietMs;
        for (int b = from / block; (b + 1) * block <= count; b++) {
            int peak = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                peak = Math.max(peak, Math.abs(samples[i]));
            }
            if (peak > threshold * 32768) {
                if (quiet >= quietMs) {
                    found.add(b * block);
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return found;
    }

    /** How long the tone starting at {@code onset} lasts: until 20 ms below {@code threshold}. */
    public double toneMs(int onset, double threshold) {
        int block = RATE / 1000;
        int loud = 0;
        int quiet = 0;
        for (int b = onset / block; (b + 1) * block <= count && quiet < 20; b++) {
            if (peak(b * block, (b + 1) * block) > threshold) {
                loud += quiet + 1;
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return loud;
    }

    /** Frequency in Hz of {@code length} samples from {@code from}, from their upward zero crossings. */
    public double frequency(int from, int length) {
        int crossings = 0;
        for (int i = from + 1; i < Math.min(count, from + length); i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                crossings++;
            }
        }
        return length == 0 ? 0 : crossings * (double) RATE / length;
    }

    /** Peak of the samples in [from, to), as a fraction of full scale. */
    public double peak(int from, int to) {
        int peak = 0;
        for (int i = Math.max(0, from); i < Math.min(to, count); i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak / 32768.0;
    }

    /** Index of the first sample heard at or after {@code nanos}. */
    public int indexAt(long nanos) {
        int index = 0;
        for (int step = 1 << 24; step > 0; step >>= 1) {
            if (index + step < count && nanosOf(index + step) <= nanos) {
                index += step;
            }
        }
        return index;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (parec != null) {
            parec.destroy();
            parec.waitFor(2, TimeUnit.SECONDS);
        }
        try {
            run("pactl", "unload-module", module);
        } catch (IOException e) {
            // The sound server went away (and its modules with it).
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
