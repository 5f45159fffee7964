package io.clipdesk.engine.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.storage.DurableFiles;

import java.nio.file.Path;
import java.util.List;

/** Packet-copies MPEG-TS segments into one MP4 (moov first), no re-encode. Implemented in {@code media}. */
public interface Remuxer {

    /**
     * Writes {@code mp4} complete and fsynced under a temp name, then renames it; the rename is durable once the
     * caller syncs the folder ({@link DurableFiles#syncFolder}), which it does once for all files of a package.
     * Timestamps start at 0.
     *
     * @throws MediaException when the segments cannot be read or the file cannot be written
     */
    RemuxResult toMp4(List<Path> tsSegments, Path mp4);

    record RemuxResult(long durationUs, long sizeBytes) {
    }
}
