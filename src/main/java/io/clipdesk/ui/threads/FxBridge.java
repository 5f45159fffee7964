package io.clipdesk.ui.threads;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way onto the JavaFX thread. Engine callbacks, the player thread and the engine worker all hop
 * through here; nothing else in the UI calls {@code Platform.runLater}.
 */
public final class FxBridge {

    /** Runs {@code action} on the FX thread: now when already there, otherwise at the next chance. */
    public void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * A trigger callable from any thread that runs {@code action} once on the FX thread; triggers that arrive
     * before it has run fold into that one run, so a fast producer (25 frames/s, a burst of segments) never
     * floods the FX queue.
     */
    public Runnable coalescing(Runnable action) {
        AtomicBoolean pending = new AtomicBoolean();
        return () -> {
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pending.set(false);
                    action.run();
                });
            }
        };
    }
}
