package io.clipdesk.ui.player;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Opens the segment that plays next on a thread of its own while the current one plays. Opening a segment
 * (demuxer start, stream probing, decoder set-up) takes 50–800 ms on a busy 2-core machine: on the sound thread
 * that is longer than the output's buffer (an audible gap), on the picture thread it makes the first picture of
 * each segment (the test signal's flash) late. One owner thread calls everything but the opening itself.
 *
 * @param <C> what an open segment is (a decoder cursor); closed with the given closer when never used
 */
final class SegmentOpener<C> implements AutoCloseable {

    private final ExecutorService thread;
    private final LongFunction<C> open;
    private final Consumer<C> close;
    private long sequence = -1;
    private CompletableFuture<C> opening;

    /**
     * @param open opens segment {@code sequence}; may throw {@link io.clipdesk.engine.MediaException}
     */
    SegmentOpener(String threadName, LongFunction<C> open, Consumer<C> close) {
        this.open = open;
        this.close = close;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts opening segment {@code next} now, unless it is already being opened. */
    void prepare(long next) {
        if (opening != null && sequence == next) {
            return;
        }
        discard();
        sequence = next;
        opening = CompletableFuture.supplyAsync(() -> open.apply(next), thread);
    }

    /** Segment {@code wanted}, opened: the one prepared (waiting for it if still opening), or opened now. */
    C take(long wanted) {
        if (opening == null || sequence != wanted) {
            discard();
            return open.apply(wanted);
        }
        CompletableFuture<C> ready = opening;
        opening = null;
        try {
            return ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Forgets what is being opened (playback went elsewhere); it is closed once open. */
    void discard() {
        if (opening != null) {
            opening.thenAccept(c -> {
                if (c != null) {
                    close.accept(c);
                }
            });
            opening = null;
        }
    }

    @Override
    public void close() {
        discard();
        thread.shutdown();
    }
}
