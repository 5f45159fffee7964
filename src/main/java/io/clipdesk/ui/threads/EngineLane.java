package io.clipdesk.ui.threads;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The UI's one worker thread ({@code ui-engine}) for engine calls that touch disk or SQLite, so the FX thread
 * never waits on them. Calls run in order; results and failures come back on the FX thread.
 */
public final class EngineLane implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineLane.class.getName());

    private final FxBridge bridge;
    private final ScheduledExecutorService worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ui-engine");
        t.setDaemon(true);
        return t;
    });

    public EngineLane(FxBridge bridge) {
        this.bridge = bridge;
    }

    /** Runs {@code call} on the worker and hands its result, or its exception, to the FX thread. */
    public <T> void call(Supplier<T> call, Consumer<T> onResult, Consumer<RuntimeException> onFailure) {
        submit(() -> {
            try {
                T result = call.get();
                bridge.run(() -> onResult.accept(result));
            } catch (RuntimeException e) {
                bridge.run(() -> onFailure.accept(e));
            }
        });
    }

    /** Runs {@code task} on the worker; a failure is logged (background refreshes retry on their next tick). */
    public void run(Runnable task) {
        submit(guarded(task));
    }

    /**
     * A desk that was closed (its stream switched away) may still get an FX event that asks for a refresh; it has
     * no one left to show the answer to, so the call is dropped rather than thrown into the FX thread.
     */
    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.fine("engine call after the desk closed, dropped");
        }
    }

    /** Runs {@code task} on the worker every {@code periodMs}, the first time after one period. */
    public void every(long periodMs, Runnable task) {
        if (!worker.isShutdown()) {
            worker.scheduleWithFixedDelay(guarded(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs {@code task} on the worker every {@code periodMs} (the first time after one period) while it succeeds;
     * after a failure waits by back-off and logs once per outage ({@link BackedOffPoll}).
     */
    public void poll(String what, long periodMs, Runnable task) {
        BackedOffPoll poll = new BackedOffPoll(what, periodMs, task, LOG);
        schedule(poll, periodMs);
    }

    private void schedule(BackedOffPoll poll, long delayMs) {
        if (worker.isShutdown()) {
            return;
        }
        try {
            worker.schedule(() -> schedule(poll, poll.runOnce()), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("poll after the desk closed, dropped");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "engine call from the UI failed", e);
            }
        };
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
