package io.clipdesk.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A segment a {@link LiveSource} has finished writing: one fsynced temp file per rendition (in the
 * sink's incoming folder) and a JPEG thumbnail of its first frame. The DVR numbers it, renames the
 * files into place and only then indexes it.
 */
public record SegmentDraft(long startMs, long durationUs, boolean discontinuity,
                           Map<String, Path> renditionFiles, Path thumbnailFile) {

    public SegmentDraft {
        renditionFiles = Map.copyOf(renditionFiles);
        if (durationUs <= 0) {
            throw new IllegalArgumentException("segment duration must be positive");
        }
    }
}
