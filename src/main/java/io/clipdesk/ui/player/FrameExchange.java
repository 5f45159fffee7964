package io.clipdesk.ui.player;

/**
 * Hands decoded pictures from the player thread to the FX thread without copying twice or tearing: three
 * buffers, one being written, one waiting (the newest complete picture), one being shown. A picture the FX
 * thread had no time to show is simply replaced by the next one.
 */
final class FrameExchange {

    private final int width;
    private final int height;
    private int[] writing;
    private int[] waiting;
    private int[] showing;
    private long waitingFrameMs;
    private long showingFrameMs;
    private boolean fresh;

    FrameExchange(int width, int height) {
        this.width = width;
        this.height = height;
        writing = new int[width * height];
        waiting = new int[width * height];
        showing = new int[width * height];
    }

    /** Player thread: the buffer to decode the next picture into. */
    int[] writeBuffer() {
        return writing;
    }

    /** Player thread: the write buffer now holds a complete picture of wall-clock time {@code frameMs}. */
    synchronized void publish(long frameMs) {
        int[] done = writing;
        writing = waiting;
        waiting = done;
        waitingFrameMs = frameMs;
        fresh = true;
    }

    /** FX thread: makes the newest picture the shown one; false when nothing new came. */
    synchronized boolean take() {
        if (!fresh) {
            return false;
        }
        int[] next = waiting;
        waiting = showing;
        showing = next;
        showingFrameMs = waitingFrameMs;
        fresh = false;
        return true;
    }

    /** FX thread: the picture taken last; stays untouched until the next {@link #take()}. */
    int[] shown() {
        return showing;
    }

    long shownFrameMs() {
        return showingFrameMs;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
