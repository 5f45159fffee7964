package io.clipdesk.engine;

import java.nio.file.Path;
import java.util.List;

/** Packet-copies MPEG-TS segments into one MP4 (moov first), no re-encode. Implemented in {@code media}. */
public interface Remuxer {

    /**
     * Writes {@code mp4} durably (temp name, fsync, rename). Timestamps start at 0.
     *
     * @throws MediaException when the segments cannot be read or the file cannot be written
     */
    RemuxResult toMp4(List<Path> tsSegments, Path mp4);

    record RemuxResult(long durationUs, long sizeBytes) {
    }
}
