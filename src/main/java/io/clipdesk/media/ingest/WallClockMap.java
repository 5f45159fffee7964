package io.clipdesk.media.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Maps one ingest session's media time (µs) to wall-clock milliseconds through anchors. A source that gives no
 * clock of its own (a push, an HLS playlist without #EXT-X-PROGRAM-DATE-TIME) gets one anchor, settled from the
 * injected clock over its first {@link #SETTLE_MS} of arrivals, so its segments follow media time and never the
 * jitter of arrival; a looped file anchors where its play starts; a pulled HLS playlist anchors every source
 * segment that carries #EXT-X-PROGRAM-DATE-TIME, so the DVR keeps the source's own clock.
 */
public final class WallClockMap {

    /** Far more than one DVR segment can span; older anchors are no longer asked for. */
    private static final int KEPT = 64;

    /**
     * How long after its first packet a source without a clock of its own is watched before it is anchored. An
     * encoder that stamps from its capture clock and then connects slowly, or sends a backlog in a burst, delivers
     * its first packet late next to the ones after it; anchoring on that packet alone would stamp the whole session
     * in the future by that delay.
     */
    public static final long SETTLE_MS = 1_000;

    /**
     * The settling also ends once the media seen spans this much, however little the clock moved: media far ahead
     * of the clock is a late first packet or a burst (whose packets already tell where the session stands), or a
     * clock that does not move at all, and holding on would only delay the first segment.
     */
    public static final long SETTLE_MEDIA_US = 2 * SETTLE_MS * 1000;

    private record Anchor(long mediaUs, long wallMs) {
    }

    private final Deque<Anchor> anchors = new ArrayDeque<>();
    private long firstArrivalMs = -1;
    private long leastMediaUs;
    private long mostMediaUs;
    /** The packet seen so far that arrived earliest for its media time: the least (arrival − media time). */
    private long earliestMediaUs;
    private long earliestArrivalMs;

    public void anchor(long mediaUs, long wallMs) {
        if (!anchors.isEmpty() && anchors.peekLast().mediaUs() >= mediaUs) {
            anchors.clear(); // media time went back: the old anchors describe another timeline
        }
        anchors.addLast(new Anchor(mediaUs, wallMs));
        if (anchors.size() > KEPT) {
            anchors.removeFirst();
        }
    }

    /**
     * A packet of a source without a clock of its own arrived: until anchored, the map keeps the packet that came
     * earliest for its media time, and anchors on it once {@link #SETTLE_MS} have passed since the first one (or
     * the media seen spans {@link #SETTLE_MEDIA_US}), so no packet of those is stamped later than it arrived.
     * Afterwards arrivals change nothing: stamps handed on never move.
     */
    public void arrived(long mediaUs, long arrivalMs) {
        if (anchored()) {
            return;
        }
        if (firstArrivalMs < 0
                || arrivalMs * 1000 - mediaUs < earliestArrivalMs * 1000 - earliestMediaUs) {
            earliestMediaUs = mediaUs;
            earliestArrivalMs = arrivalMs;
        }
        if (firstArrivalMs < 0) {
            firstArrivalMs = arrivalMs;
            leastMediaUs = mediaUs;
            mostMediaUs = mediaUs;
        }
        leastMediaUs = Math.min(leastMediaUs, mediaUs);
        mostMediaUs = Math.max(mostMediaUs, mediaUs);
        if (arrivalMs - firstArrivalMs >= SETTLE_MS || mostMediaUs - leastMediaUs >= SETTLE_MEDIA_US) {
            settle();
        }
    }

    /** Anchors on the arrivals seen so far, before {@link #SETTLE_MS} passed (the session ends early). */
    public void settle() {
        if (!anchored() && firstArrivalMs >= 0) {
            anchor(earliestMediaUs, earliestArrivalMs);
        }
    }

    public boolean anchored() {
        return !anchors.isEmpty();
    }

    /** Wall-clock time of {@code mediaUs}, from the latest anchor at or before it (or the first one). */
    public long wallMs(long mediaUs) {
        return Math.floorDiv(wallUs(mediaUs), 1000);
    }

    /** {@link #wallMs} in µs since the epoch, for audio samples that fall between milliseconds. */
    long wallUs(long mediaUs) {
        if (anchors.isEmpty()) {
            throw new IllegalStateException("no anchor yet");
        }
        Anchor best = anchors.peekFirst();
        for (Iterator<Anchor> it = anchors.iterator(); it.hasNext(); ) {
            Anchor a = it.next();
            if (a.mediaUs() <= mediaUs) {
                best = a;
            }
        }
        return best.wallMs() * 1000 + mediaUs - best.mediaUs();
    }
}
