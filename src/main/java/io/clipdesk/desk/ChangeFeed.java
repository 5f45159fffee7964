package io.clipdesk.desk;

import java.util.function.Consumer;

/**
 * Changes to clips, videos and streams made anywhere (another desk, a script), pushed to the desk as they happen.
 * A backend without a push channel has {@link #NONE}: the desk then finds changes by polling.
 */
public interface ChangeFeed {

    /** No push channel: nothing is ever told, and {@link #pushes()} says so. */
    ChangeFeed NONE = new ChangeFeed() {
        @Override
        public boolean pushes() {
            return false;
        }

        @Override
        public Subscription follow(Consumer<DeskChange> listener) {
            return () -> { };
        }
    };

    /** True when changes arrive by push, so a desk may poll less often. */
    boolean pushes();

    /**
     * What is wrong with the connection to the engine now, in one sentence for the picture and the status bar ("" when
     * nothing is: the embedded engine, or a server that answers).
     */
    default String trouble() {
        return "";
    }

    /** Tells {@code listener} about each change from now on, on a thread of the feed's own: return quickly. */
    Subscription follow(Consumer<DeskChange> listener);

    /** Ends one {@link #follow}. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
