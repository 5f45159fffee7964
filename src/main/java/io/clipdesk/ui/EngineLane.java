package io.clipdesk.ui;

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
        if (worker.isShutdown()) {
            return; // see run()
        }
        worker.execute(() -> {
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
        if (worker.isShutdown()) {
            // A closed desk's late FX work (a coalesced DVR update queued before the switch) serves nobody; the lane
            // is closed on the FX thread, so this check and that close cannot interleave.
            return;
        }
        worker.execute(guarded(task));
    }

    /** Runs {@code task} on the worker every {@code periodMs}, the first time after one period. */
    public void every(long periodMs, Runnable task) {
        worker.scheduleWithFixedDelay(guarded(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
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
