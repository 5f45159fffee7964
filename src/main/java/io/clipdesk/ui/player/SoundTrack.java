package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.ui.dvr.SegmentIndex;
import io.clipdesk.ui.sound.LevelMeter;
import io.clipdesk.ui.sound.Levels;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The DVR player's sound: owns the thread {@code dvr-sound-{stream}}, which keeps the output line fed in 10 ms
 * chunks (silence when there is nothing to hear, so the line never stops) and notes every chunk in a
 * {@link SoundClock} the picture follows and a {@link LevelMeter} the meters read. Without an output device, or
 * for a stream without sound, it tells once ("no audio output") and the picture plays as it would without it.
 */
public final class SoundTrack implements PlayerSound, AutoCloseable {

    public static final String NO_OUTPUT = "no audio output";
    private static final Logger LOG = Logger.getLogger(SoundTrack.class.getName());
    private static final int CHUNK_FRAMES = SoundOutput.SAMPLE_RATE / 100;
    private static final int BURST_FRAMES = SoundOutput.SAMPLE_RATE * 120 / 1000;
    private static final int FADE_FRAMES = SoundOutput.SAMPLE_RATE * 5 / 1000;

    private enum Mode { IDLE, PLAY, BURST }

    private record Request(Mode mode, long ms, double rate, long generation) {
    }

    private final SoundDecoder decoder;
    private final SoundFeed feed;
    private final Consumer<String> notice;
    private final Thread thread;
    private final SoundClock clock = new SoundClock();
    private final LevelMeter meter = new LevelMeter();
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final short[] silence = new short[CHUNK_FRAMES * 2];
    private volatile Request latest = new Request(Mode.IDLE, 0, 1, 0);
    private volatile float gain = 1;
    private volatile boolean running = true;
    private volatile long underruns;
    private volatile SoundOutput output;
    private double playRate = 1;
    private boolean told;
    private Mode mode = Mode.IDLE;
    private long generation;
    private short[] burst = new short[0];
    private int burstFrames;
    private int burstPosition;
    private boolean wasPlaying;

    /**
     * The DVR's sound, and at the live edge that of the segment being written, as the picture shows it.
     *
     * @param liveSegment the segment the engine is writing now, in the rendition the player shows
     * @param maxStallMs  how long its bytes are waited for before it counts as ended
     * @param wallClock   the clock the segments' times are on
     * @param notice      told once, on the sound thread, when nothing can be heard
     */
    public SoundTrack(long streamId, SoundDecoder decoder, Supplier<SegmentIndex> segments,
                      LongFunction<SegmentMedia> mediaOfSequence, Supplier<Optional<LiveSegment>> liveSegment,
                      long maxStallMs, Clock wallClock, Consumer<String> notice) {
        this.decoder = decoder;
        this.feed = new SoundFeed("dvr-sound-open-" + streamId, decoder, segments, mediaOfSequence, liveSegment,
                maxStallMs, wallClock);
        this.notice = notice;
        this.thread = new Thread(this::loop, "dvr-sound-" + streamId);
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY); // a late chunk is an audible gap; a late picture is not

    }

    public void start() {
        thread.start();
    }

    /** Volume 0–1, applied after the meters: they show the material, not the listening level. */
    public void setVolume(double volume, boolean muted) {
        gain = muted ? 0 : (float) Math.max(0, Math.min(1, volume));
    }

    /** The meters' levels for the sound heard now. */
    public Levels levels() {
        return meter.at(clock.playedFramesAt(System.nanoTime()));
    }

    /** Times the output ran dry while playing (each one an audible gap). */
    public long underruns() {
        return underruns;
    }

    @Override
    public void play(long fromMs, double rate) {
        boolean audible = rate == 1 || (rate > 0 && rate < 1 && decoder.keepsPitchAt(rate));
        request(audible ? Mode.PLAY : Mode.IDLE, fromMs, rate);
    }

    @Override
    public void burst(long atMs) {
        request(Mode.BURST, atMs, 1);
    }

    @Override
    public void stop() {
        request(Mode.IDLE, 0, 1);
    }

    private synchronized void request(Mode kind, long ms, double rate) {
        Request r = new Request(kind, ms, rate, latest.generation() + 1);
        latest = r;
        pending.set(r);
    }

    @Override
    public long mediaMsAt(long nanos) {
        Request r = latest;
        long ms = clock.mediaMsAt(nanos, r.generation());
        if (ms == SoundClock.STALE) {
            return r.mode() == Mode.PLAY && output != null ? STARTING : PlayerCommand.NONE;
        }
        return ms;
    }

    private void loop() {
        output = SoundOutput.openDefault().orElse(null);
        if (output == null) {
            tell("no sound device");
            return;
        }
        try {
            while (running) {
                Request r = pending.getAndSet(null);
                if (r != null) {
                    apply(r);
                }
                feedOne();
            }
        } catch (RuntimeException e) {
            LOG.warning("sound: " + e);
        } finally {
            feed.shutdown();
            output.close();
        }
    }

    private void apply(Request r) {
        generation = r.generation();
        mode = r.mode();
        playRate = r.rate();
        feed.close();
        if (mode == Mode.PLAY && !feed.start(r.ms(), r.rate())) {
            mode = Mode.IDLE;
        } else if (mode == Mode.PLAY && feed.silentSegment()) {
            tell("this stream has no sound");
        } else if (mode == Mode.BURST) {
            prepareBurst(r.ms());
        }
    }

    private void feedOne() {
        switch (mode) {
            case PLAY -> {
                if (feed.silentLiveSegment()) {
                    tell("this stream has no sound"); // the segment being written tells once it is opened
                }
                SoundFeed.Chunk chunk = feed.next(CHUNK_FRAMES);
                if (chunk == null) {
                    write(silence, 0, CHUNK_FRAMES, feed.nextUs(), 0, false);
                } else {
                    write(chunk.samples(), chunk.from(), chunk.frames(), chunk.mediaUs(), playRate, true);
                }
            }
            case BURST -> {
                int frames = Math.min(CHUNK_FRAMES, burstFrames - burstPosition);
                write(burst, burstPosition, frames, 0, SoundClock.NO_TIME, false);
                burstPosition += frames;
                if (burstPosition >= burstFrames) {
                    mode = Mode.IDLE;
                }
            }
            case IDLE -> write(silence, 0, CHUNK_FRAMES, 0, SoundClock.NO_TIME, false);
        }
    }

    private void write(short[] samples, int from, int frames, long mediaUs, double rate, boolean media) {
        if (frames <= 0) {
            return;
        }
        if (media && wasPlaying && output.starved()) {
            underruns++;
        }
        wasPlaying = media;
        long at = output.framesWritten();
        meter.measure(samples, from, frames, at);
        clock.queued(at, frames, mediaUs, rate, generation);
        output.write(samples, from, frames, gain);
        clock.played(output.framesPlayed(), System.nanoTime());
    }

    /** Decodes {@link #BURST_FRAMES} from {@code atMs} on, faded in and out so the cut does not click. */
    private void prepareBurst(long atMs) {
        if (burst.length < BURST_FRAMES * 2) {
            burst = new short[BURST_FRAMES * 2];
        }
        burstFrames = 0;
        burstPosition = 0;
        try {
            if (feed.start(atMs, 1)) {
                for (SoundFeed.Chunk c = feed.next(BURST_FRAMES); c != null && burstFrames < BURST_FRAMES;
                     c = burstFrames < BURST_FRAMES ? feed.next(BURST_FRAMES - burstFrames) : null) {
                    System.arraycopy(c.samples(), c.from() * 2, burst, burstFrames * 2, c.frames() * 2);
                    burstFrames += c.frames();
                }
            }
        } catch (MediaException e) {
            LOG.warning("sound: no scrub burst: " + e.getMessage());
        }
        feed.close();
        for (int i = 0; i < burstFrames; i++) {
            float edge = Math.min(1f, Math.min(i, burstFrames - 1 - i) / (float) FADE_FRAMES);
            burst[i * 2] = (short) (burst[i * 2] * edge);
            burst[i * 2 + 1] = (short) (burst[i * 2 + 1] * edge);
        }
        if (burstFrames == 0) {
            mode = Mode.IDLE;
        }
    }

    private void tell(String why) {
        if (!told) {
            told = true;
            LOG.info("sound: " + NO_OUTPUT + " (" + why + ")");
            notice.accept(NO_OUTPUT);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
