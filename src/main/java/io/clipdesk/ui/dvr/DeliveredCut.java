package io.clipdesk.ui.dvr;

/**
 * The media range a clip will deliver, as the desk predicts it before asking: an exact cut delivers its marks; a
 * segment cut delivers every DVR segment that overlaps its whole seconds, so it starts on the first one's start and
 * ends on the last one's end (what the engine links). Where the range reaches past the newest segment, later segments
 * are taken to continue the DVR's cadence. Wall-clock ms.
 */
public record DeliveredCut(long startMs, long endMs) {

    public long lengthMs() {
        return endMs - startMs;
    }

    public static DeliveredCut exact(long fromMs, long toMs) {
        return new DeliveredCut(fromMs, toMs);
    }

    /**
     * @param fromMs the whole-second start asked for
     * @param toMs   the whole-second end asked for
     */
    public static DeliveredCut ofSegments(long fromMs, long toMs, SegmentIndex dvr, long segmentDurationMs) {
        if (dvr.isEmpty() || segmentDurationMs <= 0) {
            return new DeliveredCut(fromMs, toMs);
        }
        return new DeliveredCut(segmentStart(fromMs, dvr, segmentDurationMs),
                segmentEnd(toMs - 1, dvr, segmentDurationMs));
    }

    private static long segmentStart(long ms, SegmentIndex dvr, long step) {
        int i = dvr.indexAt(ms);
        if (i < 0) {
            return dvr.firstStartMs(); // before the DVR: the engine cuts from what it holds
        }
        if (i < dvr.size()) {
            return dvr.startMs(i); // in a gap: the next segment
        }
        long last = dvr.lastEndMs();
        return last + Math.floorDiv(ms - last, step) * step;
    }

    private static long segmentEnd(long ms, SegmentIndex dvr, long step) {
        int i = dvr.indexAt(ms);
        if (i >= 0 && i < dvr.size()) {
            // In a gap the range ends on the segment before it.
            return dvr.startMs(i) > ms && i > 0 ? dvr.endMs(i - 1) : dvr.endMs(i);
        }
        long last = dvr.lastEndMs();
        return i < 0 ? dvr.firstStartMs() : last + (Math.floorDiv(ms - last, step) + 1) * step;
    }
}
