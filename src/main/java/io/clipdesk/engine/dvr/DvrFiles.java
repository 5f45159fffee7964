package io.clipdesk.engine.dvr;

import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a DVR segment's files are listed and deleted (every rendition, the thumbnail; a sidecar of a
 * segment joins here), so time retention, the disk budget, a DVR cleanup and a stream's deletion all free the same
 * files.
 */
public final class DvrFiles {

    private final DataLayout layout;

    public DvrFiles(DataLayout layout) {
        this.layout = layout;
    }

    /** Deletes the segment's files; returns the bytes of its renditions (what the DVR's size counts). */
    public long delete(LiveStream stream, Segment segment) {
        long freed = 0;
        for (Path file : renditionFiles(stream, segment)) {
            freed += sizeAndDelete(file);
        }
        DurableFiles.deleteQuietly(layout.thumbnail(stream.id(), segment.sequence()));
        return freed;
    }

    /** Deletes every DVR file of a stream that is going away. */
    public void deleteAll(long streamId) {
        DurableFiles.deleteTree(layout.dvrDir(streamId));
        DurableFiles.deleteTree(layout.thumbsDir(streamId));
    }

    /** What deleting the segment would give back to the disk: a file a clip also links frees nothing. */
    public long freeableBytes(LiveStream stream, Segment segment) {
        long bytes = 0;
        for (Path file : renditionFiles(stream, segment)) {
            try {
                if (linkCount(file) <= 1) {
                    bytes += Files.size(file);
                }
            } catch (IOException e) {
                // Gone already: frees nothing.
            }
        }
        return bytes;
    }

    private List<Path> renditionFiles(LiveStream stream, Segment segment) {
        List<Path> files = new ArrayList<>();
        for (Rendition rendition : stream.renditions()) {
            files.add(layout.dvrSegment(stream.id(), rendition.name(), segment.sequence()));
        }
        return files;
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no link counts here: assume the DVR's file is its own
        }
    }

    private static long sizeAndDelete(Path file) {
        try {
            long size = Files.size(file);
            Files.delete(file);
            return size;
        } catch (IOException e) {
            return 0;
        }
    }
}
