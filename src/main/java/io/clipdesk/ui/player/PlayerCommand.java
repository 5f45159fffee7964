package io.clipdesk.ui.player;

/** What the editor asks the player to do; {@code value} is a time, a delta or a count as the kind says. */
public record PlayerCommand(Kind kind, long value) {

    /** "No time": end of a segment, no pending seek. */
    public static final long NONE = Long.MIN_VALUE;

    public enum Kind {
        PLAY, PAUSE, TOGGLE_PLAY,
        /** Show the picture at wall-clock {@code value} ms; keeps playing or paused. */
        SEEK,
        /** Move by {@code value} ms from the current picture. */
        SKIP,
        /** Pause and move by {@code value} frames. */
        STEP_FRAMES,
        /** J (value −1) or L (value +1): play that way, faster with each press. */
        SHUTTLE,
        /** Play the newest segment and follow the live edge. */
        GO_LIVE,
        /** Play forwards in slow motion, at 1/{@code value} speed (2 or 4). */
        SLOW
    }

    public static PlayerCommand of(Kind kind) {
        return new PlayerCommand(kind, 0);
    }

    public static PlayerCommand seek(long timeMs) {
        return new PlayerCommand(Kind.SEEK, timeMs);
    }

    public static PlayerCommand skip(long deltaMs) {
        return new PlayerCommand(Kind.SKIP, deltaMs);
    }

    public static PlayerCommand stepFrames(int frames) {
        return new PlayerCommand(Kind.STEP_FRAMES, frames);
    }

    public static PlayerCommand slow(int divisor) {
        return new PlayerCommand(Kind.SLOW, divisor);
    }

    public static PlayerCommand shuttle(boolean forward) {
        return new PlayerCommand(Kind.SHUTTLE, forward ? 1 : -1);
    }
}
