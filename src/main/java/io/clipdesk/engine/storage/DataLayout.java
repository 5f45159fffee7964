package io.clipdesk.engine.storage;

import io.clipdesk.engine.video.Video;

import java.nio.file.Path;

/**
 * Where things live under the data dir (ARCHITECTURE.md "Data on disk"). The only place that knows
 * the folder names; everything else asks it.
 */
public record DataLayout(Path root) {

    public DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path database() {
        return root.resolve("clipdesk.db");
    }

    public Path dvrDir(long streamId) {
        return root.resolve("dvr").resolve(Long.toString(streamId));
    }

    /** Temp files of segments being written; same file system as the DVR so the hand-over is a rename. */
    public Path incomingDir(long streamId) {
        return dvrDir(streamId).resolve(".incoming");
    }

    public Path dvrSegment(long streamId, String rendition, long sequence) {
        return dvrDir(streamId).resolve(rendition).resolve(String.format("%010d.ts", sequence));
    }

    public Path thumbsDir(long streamId) {
        return root.resolve("thumbs").resolve(Long.toString(streamId));
    }

    public Path thumbnail(long streamId, long sequence) {
        return thumbsDir(streamId).resolve(String.format("%010d.jpg", sequence));
    }

    public Path clipsDir() {
        return root.resolve("clips");
    }

    /** A clip's own copy; file names inside are the URL names of {@link MediaPaths}. */
    public Path clipDir(String clipId) {
        return clipsDir().resolve(clipId);
    }

    public Path videosDir() {
        return root.resolve("videos");
    }

    /** A permanent video's folder, named by {@link Video#pathKey()}. */
    public Path videoDir(String pathKey) {
        return videosDir().resolve(pathKey);
    }
}
