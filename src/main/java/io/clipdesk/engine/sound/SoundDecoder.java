package io.clipdesk.engine.sound;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.SegmentMedia;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes the sound of one DVR segment for the editor's player (implemented in {@code media}): 16-bit stereo PCM
 * at {@link #SAMPLE_RATE}, interleaved, whatever the source's layout and rate. Offsets are from the segment's first
 * video frame, in microseconds, the same origin as {@link FrameDecoder}, so sound and picture line up.
 */
public interface SoundDecoder {

    int SAMPLE_RATE = 48_000;
    int CHANNELS = 2;

    /** Finds no sound in any segment: the player stays silent. */
    SoundDecoder NONE = new SoundDecoder() {
        @Override
        public Optional<Cursor> open(SegmentMedia segment, double tempo) {
            return Optional.empty();
        }

        @Override
        public boolean keepsPitchAt(double tempo) {
            return false;
        }
    };

    /**
     * Opens one finished TS segment's sound for forward decoding.
     *
     * @param tempo 1 for normal speed, or a slower speed (0.5) played longer with its pitch kept
     * @return empty when the segment carries no sound
     * @throws MediaException when the media cannot be opened
     */
    Optional<Cursor> open(SegmentMedia segment, double tempo);

    /**
     * {@link #open(SegmentMedia, double)} for a segment that plays on from {@code previous}, the segment just before
     * it with no gap between: its first sound decoded as if the decoder had gone on from there. (An AAC decoder
     * started cold fades its first frame in from silence: a tick at every segment join.) By default the same as
     * {@code open}.
     */
    default Optional<Cursor> openAfter(SegmentMedia segment, SegmentMedia previous, double tempo) {
        return open(segment, tempo);
    }

    /** {@link #open(SegmentMedia, double)} on a file (tools and tests that hold segments on disk). */
    default Optional<Cursor> open(Path segmentFile, double tempo) {
        return open(SegmentMedia.read(segmentFile), tempo);
    }

    /** The speeds below 1 at which {@link #open} keeps the pitch; any other slow speed is played muted. */
    boolean keepsPitchAt(double tempo);

    /** One decoded block: {@code samples} interleaved stereo, its first sample {@code offsetUs} into the media. */
    record Block(long offsetUs, short[] samples) {

        public int frames() {
            return samples.length / CHANNELS;
        }
    }

    /** Forward-only decoding position inside one segment's sound. Not thread safe: one owner thread. */
    interface Cursor extends AutoCloseable {

        /**
         * @return the next block, or null at the end of the segment
         * @throws MediaException when the media is damaged
         */
        Block next();

        @Override
        void close();
    }
}
