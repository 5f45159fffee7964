package io.clipdesk.ui.player;

/**
 * Hands decoded pictures from the player thread to the FX thread without copying twice or tearing. The player
 * decodes ahead and queues up to {@link #QUEUED} pictures; the FX thread, on each pulse, shows the newest one
 * that is due by the sound heard then (a picture queued {@code now} is due at once). Decoding ahead keeps the
 * decode time out of the picture's lateness, and choosing on the pulse puts each picture on the first pulse at
 * its sound's time instead of on whichever pulse follows the decode. Four buffers: one being written, two
 * queued, one being shown; a picture overtaken before a pulse showed it is dropped.
 */
final class FrameExchange {

    /** Pictures waiting for their time: enough for one to wait while the next is decoded. */
    static final int QUEUED = 2;

    private final int width;
    private final int height;
    private int[] writing;
    private final int[][] queue = new int[QUEUED][];
    private final long[] queueMs = new long[QUEUED];
    private final boolean[] queueNow = new boolean[QUEUED];
    private int queued;
    private int[] showing;
    private long showingFrameMs;
    private final int[][] spare = new int[QUEUED][];
    private int spares;

    FrameExchange(int width, int height) {
        this.width = width;
        this.height = height;
        writing = new int[width * height];
        showing = new int[width * height];
        for (int i = 0; i < QUEUED; i++) {
            spare[spares++] = new int[width * height];
        }
    }

    /** Player thread: the buffer to decode the next picture into. */
    int[] writeBuffer() {
        return writing;
    }

    /** Player thread: true when a picture can be queued without dropping one not shown yet. */
    synchronized boolean hasRoom() {
        return queued < QUEUED;
    }

    /**
     * Player thread: the write buffer now holds a complete picture of wall-clock time {@code frameMs}.
     *
     * @param now true to show it on the next pulse, whatever the sound says (a seek, a step, a picture that
     *            follows no sound); it replaces every picture still queued
     */
    synchronized void publish(long frameMs, boolean now) {
        if (now) {
            while (queued > 0) {
                drop();
            }
        } else if (queued == QUEUED) {
            drop();
        }
        queue[queued] = writing;
        queueMs[queued] = frameMs;
        queueNow[queued] = now;
        queued++;
        writing = spare[--spares];
    }

    private void drop() {
        spare[spares++] = queue[0];
        for (int i = 1; i < queued; i++) {
            queue[i - 1] = queue[i];
            queueMs[i - 1] = queueMs[i];
            queueNow[i - 1] = queueNow[i];
        }
        queued--;
    }

    /**
     * FX thread: makes the newest picture due by {@code heardMs} the shown one, dropping older queued ones;
     * false when none is due. {@link Long#MAX_VALUE} takes the newest whatever its time.
     */
    synchronized boolean take(long heardMs) {
        int due = -1;
        for (int i = 0; i < queued; i++) {
            if (queueNow[i] || queueMs[i] <= heardMs) {
                due = i;
            }
        }
        if (due < 0) {
            return false;
        }
        for (int i = 0; i < due; i++) {
            drop();
        }
        spare[spares++] = showing;
        showing = queue[0];
        showingFrameMs = queueMs[0];
        queue[0] = null;
        for (int i = 1; i < queued; i++) {
            queue[i - 1] = queue[i];
            queueMs[i - 1] = queueMs[i];
            queueNow[i - 1] = queueNow[i];
        }
        queued--;
        return true;
    }

    /** FX thread: {@link #take(long)} of the newest picture, whatever its time. */
    boolean take() {
        return take(Long.MAX_VALUE);
    }

    /** FX thread: the picture taken last; stays untouched until the next {@link #take(long)}. */
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
