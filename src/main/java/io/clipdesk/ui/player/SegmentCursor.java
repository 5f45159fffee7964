package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * The player's position inside one segment: a decoder cursor plus which segment it is, speaking wall-clock ms.
 * A segment that cannot be read (retention deleted it, damaged media) reads as ended, so playback moves on.
 * The segment after the current one is opened ahead on its own thread ({@link SegmentOpener}).
 */
final class SegmentCursor {

    private static final Logger LOG = Logger.getLogger(SegmentCursor.class.getName());

    private final SegmentOpener<FrameDecoder.Cursor> opener;
    private FrameDecoder.Cursor cursor;
    private long sequence = -1;
    private long startMs;
    private long endMs;
    private long frameDurationMs = 40;

    SegmentCursor(String openerThread, FrameDecoder decoder, LongFunction<SegmentMedia> mediaOfSequence, int width,
                  int height) {
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
            return offsetUs < 0 ? PlayerCommand.NONE : startMs + offsetUs / 1000;
        } catch (MediaException e) {
            LOG.warning("player: segment " + sequence + " ends early: " + e.getMessage());
            close();
            return PlayerCommand.NONE;
        }
    }

    /** Wall-clock ms of the picture on screen at {@code timeMs}, decoded into {@code argb}. */
    long seek(long timeMs, int[] argb) {
        if (cursor == null) {
            return PlayerCommand.NONE;
        }
        try {
            long offsetUs = cursor.seek(Math.max(0, timeMs - startMs) * 1000, argb);
            return offsetUs < 0 ? PlayerCommand.NONE : startMs + offsetUs / 1000;
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
    }

    /** Closes the segment and the opener's thread: the player is done. */
    void shutdown() {
        close();
        opener.close();
    }
}
