package io.clipdesk.engine.dvr;

import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.stream.LiveSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A segment a {@link LiveSource} has finished writing: one fsynced temp file per rendition (in the
 * sink's incoming folder), a JPEG thumbnail of its first frame and the envelope of its decoded audio (empty
 * without sound). The DVR numbers it, renames the files into place and only then indexes it with its envelope.
 */
public record SegmentDraft(long startMs, long durationUs, boolean discontinuity,
                           Map<String, Path> renditionFiles, Path thumbnailFile, AudioEnvelope envelope) {

    public SegmentDraft {
        renditionFiles = Map.copyOf(renditionFiles);
        if (durationUs <= 0) {
            throw new IllegalArgumentException("segment duration must be positive");
        }
        Objects.requireNonNull(envelope, "envelope (AudioEnvelope.EMPTY when there is no sound)");
    }

    public SegmentDraft(long startMs, long durationUs, boolean discontinuity, Map<String, Path> renditionFiles,
                        Path thumbnailFile) {
        this(startMs, durationUs, discontinuity, renditionFiles, thumbnailFile, AudioEnvelope.EMPTY);
    }
}
