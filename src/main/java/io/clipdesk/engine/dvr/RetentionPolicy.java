package io.clipdesk.engine.dvr;

import io.clipdesk.engine.stream.LiveStream;
/**
 * Which DVR media may go: everything that ended more than {@code dvr_duration} before now. With DVR
 * disabled only a short live window is kept (the live playlist still plays; clips are refused).
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** Segments ending at or before the returned wall-clock ms are dropped. */
    public static long cutoffMs(LiveStream stream, long nowMs, long liveWindowMs) {
        long keepMs = stream.dvrEnabled() ? stream.dvrDurationS() * 1000L : liveWindowMs;
        return nowMs - keepMs;
    }
}
