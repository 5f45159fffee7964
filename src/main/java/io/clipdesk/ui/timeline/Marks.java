package io.clipdesk.ui.timeline;

/** The editor's in and out points (wall-clock ms); {@link #NONE} stands for "not set". */
public record Marks(long inMs, long outMs) {

    public static final long NONE = Long.MIN_VALUE;
    public static final Marks CLEARED = new Marks(NONE, NONE);

    public boolean hasIn() {
        return inMs != NONE;
    }

    public boolean hasOut() {
        return outMs != NONE;
    }

    public boolean isRange() {
        return hasIn() && hasOut();
    }

    /** Out minus in; meaningful only for a range. */
    public long lengthMs() {
        return outMs - inMs;
    }

    public Marks withIn(long ms) {
        return new Marks(ms, outMs);
    }

    public Marks withOut(long ms) {
        return new Marks(inMs, ms);
    }
}
