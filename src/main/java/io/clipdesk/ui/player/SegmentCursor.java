package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * The player's position inside one segment: a decoder cursor plus which segment it is, speaking wall-clock ms.
 * A segment that cannot be read (retention deleted it, damaged media) reads as ended, so playback moves on.
 * The segment after the current one is opened ahead on its own thread ({@link SegmentOpener}).
 * At the live edge it may read the segment being written ({@link #openLive}): its pictures come as they are
 * written, and once it is finished the cursor is on the DVR segment it became, so playback goes on from there as
 * from any segment, without a picture lost or shown twice.
 */
final class SegmentCursor {

    private static final Logger LOG = Logger.getLogger(SegmentCursor.class.getName());

    private final SegmentOpener<FrameDecoder.Cursor> opener;
    private final FrameDecoder decoder;
    private final int width;
    private final int height;
    private final long maxStallMs;
    private FrameDecoder.Cursor cursor;
    private LiveSegment live;
    /** The segment being written that stalled under this cursor, and its size then: not reopened until it grows. */
    private LiveSegment stalled;
    private int stalledAtBytes;
    private long sequence = -1;
    private long startMs;
    private long endMs;
    private long lastMs = PlayerCommand.NONE;
    private long frameDurationMs = 40;

    /** @param maxStallMs how long a picture of the segment being written is waited for before it counts as ended */
    SegmentCursor(String openerThread, FrameDecoder decoder, LongFunction<SegmentMedia> mediaOfSequence, int width,
                  int height, long maxStallMs) {
        this.decoder = decoder;
        this.width = width;
        this.height = height;
        this.maxStallMs = maxStallMs;
        this.opener = new SegmentOpener<>(openerThread,
                seq -> decoder.open(mediaOfSequence.apply(seq), width, height), FrameDecoder.Cursor::close);
    }

    /** Starts opening the segment after this one, when the index has it already. */
    void prepareFollowing(SegmentIndex index) {
        int here = cursor == null ? -1 : index.indexOfSequence(sequence);
        if (here >= 0 && here + 1 < index.size()) {
            opener.prepare(index.sequence(here + 1));
        }
    }

    boolean isOpen() {
        return cursor != null;
    }

    boolean isOn(SegmentIndex index, int i) {
        return cursor != null && index.sequence(i) == sequence;
    }

    /** True while reading the segment being written (its end not reached yet). */
    boolean isLive() {
        return live != null;
    }

    /**
     * Opens the segment being written, to read it as it grows; false (and logged) when it cannot be read. It waits
     * here for the segment's first pictures.
     */
    boolean openLive(LiveSegment segment) {
        if (segment == stalled && !segment.ended() && segment.sizeBytes() == stalledAtBytes) {
            // Opening it again would only wait out the stall again, with the player deaf to its commands meanwhile.
            return false;
        }
        close();
        sequence = -1; // known once the DVR has it
        startMs = segment.startMs();
        endMs = Long.MAX_VALUE;
        try {
            cursor = decoder.open(SegmentMedia.growing(segment, maxStallMs), width, height);
            live = segment;
            return true;
        } catch (MediaException e) {
            LOG.warning("player: the segment being written cannot be read: " + e.getMessage());
            return false;
        }
    }

    /** Opens segment {@code i} of the index; false (and logged) when it cannot be read. */
    boolean open(SegmentIndex index, int i) {
        close();
        sequence = index.sequence(i);
        startMs = index.startMs(i);
        endMs = index.endMs(i);
        try {
            cursor = opener.take(sequence);
            frameDurationMs = Math.max(1, cursor.frameDurationUs() / 1000);
            return true;
        } catch (MediaException e) {
            LOG.warning("player: segment " + sequence + " skipped: " + e.getMessage());
            return false;
        }
    }

    /** Wall-clock ms of the next picture, decoded into {@code argb}; {@link PlayerCommand#NONE} at the end. */
    long next(int[] argb) {
        if (cursor == null) {
            return PlayerCommand.NONE;
        }
        try {
            long offsetUs = cursor.next(argb);
            if (offsetUs < 0) {
                handOver();
                return PlayerCommand.NONE;
            }
            lastMs = startMs + offsetUs / 1000;
            return lastMs;
        } catch (MediaException e) {
            LOG.warning("player: segment " + sequence + " ends early: " + e.getMessage());
            handOver();
            close();
            return PlayerCommand.NONE;
        }
    }

    /**
     * The end of the segment being written: from here on the cursor is on the DVR segment it became, so the next
     * one is found by sequence as after any segment; abandoned or stalled, it ends after the last picture read.
     */
    private void handOver() {
        if (live == null) {
            return;
        }
        Optional<Segment> finished = live.finished();
        if (finished.isPresent()) {
            sequence = finished.get().sequence();
            endMs = finished.get().endMs();
        } else {
            LOG.info("player: the segment being written ended unfinished (" + (live.ended() ? "dropped" : "stalled")
                    + ")");
            if (!live.ended()) {
                stalled = live;
                stalledAtBytes = live.sizeBytes();
            }
            endMs = lastMs == PlayerCommand.NONE ? startMs : lastMs + frameDurationMs;
        }
        live = null;
    }

    /** Wall-clock ms of the picture on screen at {@code timeMs}, decoded into {@code argb}. */
    long seek(long timeMs, int[] argb) {
        if (cursor == null) {
            return PlayerCommand.NONE;
        }
        try {
            long offsetUs = cursor.seek(Math.max(0, timeMs - startMs) * 1000, argb);
            lastMs = offsetUs < 0 ? PlayerCommand.NONE : startMs + offsetUs / 1000;
            return lastMs;
        } catch (MediaException e) {
            LOG.warning("player: segment " + sequence + " cannot seek: " + e.getMessage());
            close();
            return PlayerCommand.NONE;
        }
    }

    /** Position in {@code index} of the segment after this one (size() when there is none yet). */
    int indexAfter(SegmentIndex index) {
        int here = index.indexOfSequence(sequence);
        if (here >= 0) {
            return here + 1;
        }
        int at = index.indexAt(endMs);
        return at < 0 ? 0 : at;
    }

    long sequence() {
        return sequence;
    }

    long endMs() {
        return endMs;
    }

    long frameDurationMs() {
        return frameDurationMs;
    }

    void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        if (live != null) {
            // Left before its end (a seek): nothing to hand over to; the next open says where playback is.
            live = null;
            endMs = lastMs == PlayerCommand.NONE ? startMs : lastMs + frameDurationMs;
        }
        lastMs = PlayerCommand.NONE;
    }

    /** Closes the segment and the opener's thread: the player is done. */
    void shutdown() {
        close();
        opener.close();
    }
}
