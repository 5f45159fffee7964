package io.clipdesk.engine;

import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.StreamRepository;
import io.clipdesk.engine.video.VideoRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Start-up check after any stop, clean or kill -9: rows and files must agree. Files without a row are
 * leftovers of an interrupted write and go; rows without their files go too.
 */
final class Reconciler {

    private final DataLayout layout;
    private final StreamRepository streams;
    private final SegmentStore segments;
    private final ClipRepository clips;
    private final VideoRepository videos;

    Reconciler(DataLayout layout, StreamRepository streams, SegmentStore segments, ClipRepository clips,
               VideoRepository videos) {
        this.layout = layout;
        this.streams = streams;
        this.segments = segments;
        this.clips = clips;
        this.videos = videos;
    }

    void run() throws IOException {
        Set<String> streamIds = new HashSet<>();
        for (LiveStream stream : streams.list()) {
            streamIds.add(Long.toString(stream.id()));
            reconcileDvr(stream);
        }
        for (Path dir : children(layout.root().resolve("dvr"))) {
            if (!streamIds.contains(dir.getFileName().toString())) {
                DurableFiles.deleteTree(dir);
            }
        }
        for (Path dir : children(layout.root().resolve("thumbs"))) {
            if (!streamIds.contains(dir.getFileName().toString())) {
                DurableFiles.deleteTree(dir);
            }
        }
        for (Path dir : children(layout.clipsDir())) {
            String id = dir.getFileName().toString();
            boolean keep = RandomKeys.isValid(id) && clips.find(id).map(c -> c.status() != ClipStatus.EXPIRED)
                    .orElse(false);
            if (!keep) {
                DurableFiles.deleteTree(dir);
            }
        }
        for (Path dir : children(layout.videosDir())) {
            boolean keep = MediaPaths.parseKeyed(dir.getFileName().toString())
                    .flatMap(k -> videos.find(k.id()).filter(v -> v.mediaKey().equals(k.key())))
                    .isPresent();
            if (!keep) {
                DurableFiles.deleteTree(dir);
            }
        }
    }

    private void reconcileDvr(LiveStream stream) throws IOException {
        DurableFiles.deleteTree(layout.incomingDir(stream.id()));
        Set<Long> indexed = new HashSet<>();
        for (Segment segment : segments.overlapping(stream.id(), Long.MIN_VALUE, Long.MAX_VALUE)) {
            boolean complete = stream.renditions().stream()
                    .allMatch(r -> Files.isRegularFile(layout.dvrSegment(stream.id(), r.name(), segment.sequence())));
            if (complete) {
                indexed.add(segment.sequence());
            } else {
                segments.delete(stream.id(), segment.sequence());
            }
        }
        for (Path renditionDir : children(layout.dvrDir(stream.id()))) {
            for (Path file : children(renditionDir)) {
                if (!indexed.contains(sequenceOf(file))) {
                    DurableFiles.deleteQuietly(file);
                }
            }
        }
        for (Path file : children(layout.thumbsDir(stream.id()))) {
            if (!indexed.contains(sequenceOf(file))) {
                DurableFiles.deleteQuietly(file);
            }
        }
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? name : name.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
