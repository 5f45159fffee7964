package io.clipdesk.ui.player;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.Optional;

/**
 * The system's default sound output through Java Sound: one {@link SourceDataLine} of 16-bit stereo at 48 kHz,
 * opened once and kept running (on PulseAudio a line that stops lets the sink suspend, and waking it costs more
 * than a second). On Debian, Java Sound reaches PulseAudio through ALSA's pulse plugin (libasound2-plugins).
 */
final class SoundOutput implements AutoCloseable {

    static final int SAMPLE_RATE = 48_000;
    static final int FRAME_BYTES = 4;
    /** 200 ms queued ahead: a pause or a scrub is heard soon enough, and a busy machine does not starve the line. */
    static final int BUFFER_FRAMES = SAMPLE_RATE / 5;

    private final SourceDataLine line;
    private final byte[] bytes = new byte[BUFFER_FRAMES * FRAME_BYTES];
    private long framesWritten;
    /** When everything written so far will have been played, if played without a gap. */
    private long runsOutNanos;

    private SoundOutput(SourceDataLine line) {
        this.line = line;
    }

    /** The default output, or empty when this machine has none (no device, no sound server). */
    static Optional<SoundOutput> openDefault() {
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 2, true, false);
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            line.open(format, BUFFER_FRAMES * FRAME_BYTES);
            line.start();
            return Optional.of(new SoundOutput(line));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the sound written so far has run out: the next write comes too late to be seamless. Counted on the
     * monotonic clock from what was written, not from the line's buffer: through ALSA's pulse plugin that buffer is
     * often empty while PulseAudio still holds what it took from it, which counted gaps that no one heard.
     */
    boolean starved() {
        return runsOutNanos != 0 && System.nanoTime() > runsOutNanos;
    }

    /** Queues {@code frames} stereo frames of {@code samples} times {@code gain}; blocks while the line is full. */
    void write(short[] samples, int fromFrame, int frames, float gain) {
        runsOutNanos = Math.max(runsOutNanos, System.nanoTime()) + frames * 1_000_000_000L / SAMPLE_RATE;
        int n = 0;
        for (int i = fromFrame * 2, end = (fromFrame + frames) * 2; i < end; i++) {
            int s = Math.round(samples[i] * gain);
            bytes[n++] = (byte) s;
            bytes[n++] = (byte) (s >> 8);
        }
        line.write(bytes, 0, n);
        framesWritten += frames;
    }

    long framesWritten() {
        return framesWritten;
    }

    /** Frames the listener has heard so far (the device's delay already taken off). */
    long framesPlayed() {
        return line.getLongFramePosition();
    }

    @Override
    public void close() {
        line.close();
    }
}
