package io.clipdesk.engine.dvr;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.sound.SoundDecoder;

import java.nio.file.Path;

/**
 * Decodes pictures of one DVR segment for the editor's player (implemented in {@code media}). Pictures are
 * opaque ARGB ints (also valid premultiplied), scaled to the size asked for, written into the caller's array
 * so a player can recycle its buffers. Offsets are from the segment's first frame, in microseconds.
 */
public interface FrameDecoder {

    /**
     * Opens one finished TS segment for forward decoding from its first keyframe.
     *
     * @throws MediaException when the media cannot be opened
     */
    Cursor open(SegmentMedia segment, int width, int height);

    /** {@link #open(SegmentMedia, int, int)} on a file (tools and tests that hold segments on disk). */
    default Cursor open(Path segmentFile, int width, int height) {
        return open(SegmentMedia.read(segmentFile), width, height);
    }

    /** Pays the one-off cost of the first open (native libraries) before an editor waits for a picture. */
    void warmUp();

    /** The sound of the same segments, on the same time origin; a decoder without sound finds none in any. */
    default SoundDecoder sound() {
        return SoundDecoder.NONE;
    }

    /** Forward-only decoding position inside one segment. Not thread safe: one owner thread. */
    interface Cursor extends AutoCloseable {

        /**
         * Decodes the next frame into {@code argb} (length width × height).
         *
         * @return its offset in µs, or -1 at the end of the segment
         * @throws MediaException when the media is damaged
         */
        long next(int[] argb);

        /**
         * Decodes forward to the first frame at or after {@code offsetUs}, converting only that one; when the
         * segment ends first, its last frame. A target behind the current position reopens the segment.
         *
         * @return the offset in µs of the frame written, or -1 when the segment has no frame at all
         */
        long seek(long offsetUs, int[] argb);

        /** Frame duration in µs as the stream declares it (40,000 at 25 fps). */
        long frameDurationUs();

        @Override
        void close();
    }
}
