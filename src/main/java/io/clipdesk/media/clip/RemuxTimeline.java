package io.clipdesk.media.clip;

/**
 * Maps the timestamps of consecutive segments onto one MP4 timeline (90 kHz ticks) that starts at 0. Segments
 * that follow on from each other keep their spacing untouched; a segment that jumps (source restart, gap, TS
 * clock wrap) by more than {@link #JUMP_TOLERANCE_TICKS} is re-based to start where the previous one ended, as
 * an HLS player would play it after a discontinuity.
 */
final class RemuxTimeline {

    /** Half a second: far above the few-ms audio/video offsets at a join, far below any real gap. */
    static final long JUMP_TOLERANCE_TICKS = 45_000;

    private long shift;
    private boolean started;
    private long endTicks;

    /** @param startTicks the earliest dts of the segment about to be placed */
    void beginSegment(long startTicks) {
        if (!started) {
            shift = -startTicks;
            started = true;
        } else if (Math.abs(startTicks + shift - endTicks) > JUMP_TOLERANCE_TICKS) {
            shift = endTicks - startTicks;
        }
    }

    /** Shifts one packet's timestamps; the packet's end extends the timeline. */
    long place(long ticks) {
        return ticks + shift;
    }

    void extendTo(long endTicksOfPacket) {
        endTicks = Math.max(endTicks, endTicksOfPacket);
    }

    /** Where the last placed packet ends: the file's duration. */
    long endTicks() {
        return endTicks;
    }
}
