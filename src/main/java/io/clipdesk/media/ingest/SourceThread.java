package io.clipdesk.media.ingest;

import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveSource;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.media.MediaRuntime;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread a live source runs on ({@code ingest-{streamId}}), its stop flag and its waits. Waits follow the
 * injected clock in short parks, so a clock moved by hand (tests) is noticed promptly and {@link #close()} never
 * waits long; FFmpeg's blocking calls give up through {@link #running()} in their interrupt callback.
 */
public abstract class SourceThread implements LiveSource {

    private static final System.Logger LOG = System.getLogger(SourceThread.class.getName());
    private static final long JOIN_TIMEOUT_MS = 10_000;
    private static final long MAX_PARK_MS = 20;
    private static final long FIRST_BACK_OFF_MS = 1_000;
    private static final long MAX_BACK_OFF_MS = 30_000;

    protected final LiveStream stream;
    protected final Clock clock;
    private volatile boolean running;
    private volatile long startedAtMs;
    private Thread thread;

    protected SourceThread(LiveStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
        MediaRuntime.warmUp();
    }

    @Override
    public final synchronized void start(SegmentSink sink) {
        if (thread != null) {
            throw new IllegalStateException("the source of stream " + stream.id() + " was already started");
        }
        running = true;
        startedAtMs = clock.millis(); // taken here, not on the new thread: the source starts when asked to
        thread = new Thread(() -> guarded(sink), "ingest-" + stream.id());
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs until {@link #running()} turns false; reports its own losses through the sink's health. */
    protected abstract void run(SegmentSink sink);

    private void guarded(SegmentSink sink) {
        try {
            run(sink);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "source of stream " + stream.id() + " failed", e);
            sink.health(SourceHealth.DISCONNECTED, "the source failed: " + e.getMessage());
        }
    }

    /** Stops after the packet in hand; media received after the last cut is written as a last segment. */
    @Override
    public final synchronized void close() {
        running = false;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        // No Thread.interrupt(): it would close the file channels that write the last segment.
        LockSupport.unpark(thread);
        try {
            thread.join(JOIN_TIMEOUT_MS);
            if (thread.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "{0} did not stop within {1} ms", thread.getName(), JOIN_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The injected clock's time when {@link #start} was called. */
    protected final long startedAtMs() {
        return startedAtMs;
    }

    protected final boolean running() {
        return running;
    }

    /** Waits until the injected clock reaches {@code dueMs}; false when stopped meanwhile. */
    protected final boolean awaitClock(long dueMs) {
        for (long waitMs = dueMs - clock.millis(); waitMs > 0 && running; waitMs = dueMs - clock.millis()) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(Math.min(waitMs, MAX_PARK_MS)));
        }
        return running;
    }

    /** Waits before retry number {@code attempt} (0, 1, …): 1 s, 2 s, 4 s … up to 30 s, by the injected clock. */
    protected final boolean backOff(int attempt) {
        long delayMs = Math.min(MAX_BACK_OFF_MS, FIRST_BACK_OFF_MS << Math.min(attempt, 5));
        return awaitClock(clock.millis() + delayMs);
    }
}
