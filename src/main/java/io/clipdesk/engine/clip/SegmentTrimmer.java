package io.clipdesk.engine.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.stream.Rendition;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Cuts one DVR segment down to the frames of a sub-range, for frame-accurate clips (implemented in {@code media}).
 * Frames before the range are dropped by re-encoding from the first kept frame as a new closed GOP that starts
 * with an IDR; frames after it are dropped by packet copy when what stays is a run of whole packets in decode
 * order, else by re-encoding too. Timestamps stay those of the DVR, so the result splices onto its neighbours.
 */
public interface SegmentTrimmer {

    /**
     * Writes {@code target} durably (temp name, fsync, rename). A frame is kept when the middle of its display
     * interval lies in the range.
     *
     * @return what was written; empty when no frame lies in the range (a sliver of a segment), nothing written
     * @throws MediaException when the segment cannot be read, decoded or written
     */
    Optional<Trimmed> trim(Path source, Path target, Range range);

    /**
     * The frames to keep, as offsets from the segment's first frame; {@code rendition} and {@code gopMs} are what
     * the DVR was encoded with, so a re-encoded GOP matches its neighbours' size, bitrate and H.264 parameter sets.
     */
    record Range(long fromUs, long toUs, Rendition rendition, int gopMs) {

        public Range {
            if (fromUs < 0 || toUs <= fromUs) {
                throw new IllegalArgumentException("trim range must be non-empty from >= 0, got " + fromUs + "–"
                        + toUs);
            }
        }
    }

    /**
     * What was written: the first kept frame's offset from the segment's first frame, the media duration kept,
     * whether pictures were re-encoded, and whether its H.264 parameter sets differ from the DVR's (a player must
     * then be told of a discontinuity where the two meet).
     */
    record Trimmed(long offsetUs, long durationUs, boolean reencoded, boolean foreignParameterSets) {

        public Trimmed {
            if (offsetUs < 0 || durationUs <= 0) {
                throw new IllegalArgumentException("a trimmed segment starts at >= 0 and lasts > 0");
            }
        }
    }
}
