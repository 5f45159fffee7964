package io.clipdesk.engine.dvr;

/** The wall-clock range the DVR holds now: oldest media start to newest media end (ms). Empty when end <= start. */
public record DvrWindow(long startMs, long endMs) {

    public static final DvrWindow EMPTY = new DvrWindow(0, 0);

    public boolean isEmpty() {
        return endMs <= startMs;
    }

    public long lengthMs() {
        return Math.max(0, endMs - startMs);
    }
}
