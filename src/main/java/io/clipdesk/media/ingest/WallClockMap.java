package io.clipdesk.media.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Maps one ingest session's media time (µs) to wall-clock milliseconds through anchors. A pushed or looped source
 * has one anchor, taken from the injected clock when its media starts, so its segments follow media time and
 * never the jitter of arrival; a pulled HLS playlist anchors every source segment that carries
 * #EXT-X-PROGRAM-DATE-TIME, so the DVR keeps the source's own clock.
 */
public final class WallClockMap {

    /** Far more than one DVR segment can span; older anchors are no longer asked for. */
    private static final int KEPT = 64;

    private record Anchor(long mediaUs, long wallMs) {
    }

    private final Deque<Anchor> anchors = new ArrayDeque<>();

    public void anchor(long mediaUs, long wallMs) {
        if (!anchors.isEmpty() && anchors.peekLast().mediaUs() >= mediaUs) {
            anchors.clear(); // media time went back: the old anchors describe another timeline
        }
        anchors.addLast(new Anchor(mediaUs, wallMs));
        if (anchors.size() > KEPT) {
            anchors.removeFirst();
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
