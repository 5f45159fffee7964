package io.clipdesk.ui.player;

import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the player stands when it plays live: how far behind the wall clock it joins, in the segment the engine is
 * writing when it shares it, else in the newest complete segment, and when a player following complete segments
 * is far enough behind to go to the segment being written. The player's thread asks; this decides.
 */
final class LiveEdge {

    /**
     * How far behind the wall clock the player joins the segment being written: a picture is there to read about
     * 100 ms after its time (encode, mux, the demuxer waiting for the next one), more on a busy machine and at
     * each segment's start (the open) and end (the DVR storing it); this keeps those from holding the picture.
     */
    static final long BEHIND_MS = 400;
    /** Slack for a complete segment arriving a little after its end time (encode and write). */
    private static final long COMPLETE_MARGIN_MS = 500;
    /** Further behind than this at the end of a complete segment, the player goes to the segment being written. */
    private static final long CATCH_UP_SLACK_MS = 600;

    private final Supplier<Optional<LiveSegment>> growing;
    private final Clock clock;
    private final long segmentDurationMs;

    /** @param growing the segment the engine is writing now; empty when it has none or cannot share it */
    LiveEdge(Supplier<Optional<LiveSegment>> growing, Clock clock, long segmentDurationMs) {
        this.growing = growing;
        this.clock = clock;
        this.segmentDurationMs = segmentDurationMs;
    }

    /** The segment being written, if the engine shares it. */
    Optional<LiveSegment> growing() {
        return growing.get();
    }

    /** Where to join {@code segment}, the one being written: {@link #BEHIND_MS} behind the wall clock, inside it. */
    long joinMs(LiveSegment segment) {
        return Math.max(segment.startMs(), clock.millis() - BEHIND_MS);
    }

    /**
     * Where to join the live edge in complete segments: inside the newest segment, as far in as the time since it
     * arrived, so the picture runs about one segment (plus a margin for ingest) behind the wall clock and the next
     * segment is there when this one ends. Never before the newest segment's start.
     */
    long completeJoinMs(SegmentIndex index) {
        int newest = index.size() - 1;
        long target = clock.millis() - segmentDurationMs - COMPLETE_MARGIN_MS;
        return Math.max(index.startMs(newest), Math.min(index.endMs(newest) - 1, target));
    }

    /**
     * The segment being written to go to from a complete segment ending at {@code endMs}: when the player is far
     * enough behind the wall clock that it is worth a jump, and that segment starts after this one; else empty.
     */
    Optional<LiveSegment> catchUpFrom(long endMs) {
        if (clock.millis() - endMs <= BEHIND_MS + CATCH_UP_SLACK_MS) {
            return Optional.empty();
        }
        return growing.get().filter(g -> g.startMs() >= endMs);
    }

    /**
     * The segment being written when it is the one after a segment ending at {@code endMs} (the last stretch to the
     * live edge; a frame's overlap allowed); else empty, while there is none yet.
     */
    Optional<LiveSegment> following(long endMs, long frameDurationMs) {
        return growing.get().filter(g -> g.startMs() >= endMs - frameDurationMs);
    }

    /** How far the picture at {@code atMs} is behind the wall clock. */
    long latencyMs(long atMs) {
        return clock.millis() - atMs;
    }
}
