package io.clipdesk.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy of one clip in progress: which DVR segments are already linked into the clip's folder, in
 * order. Guarded by its own monitor; {@link DefaultClipService} advances it from the clip-cut pool.
 */
final class ClipRecording {

    private final Clip clip;
    private final List<Rendition> renditions;
    private final Path folder;
    private final List<Segment> linked = new ArrayList<>();
    private boolean done;

    ClipRecording(Clip clip, List<Rendition> renditions, Path folder) {
        this.clip = clip;
        this.renditions = List.copyOf(renditions);
        this.folder = folder;
    }

    Clip clip() {
        return clip;
    }

    List<Rendition> renditions() {
        return renditions;
    }

    Path folder() {
        return folder;
    }

    long fromMs() {
        return clip.startS() * 1000;
    }

    long toMs() {
        return clip.endS() * 1000;
    }

    /** Segments of {@code overlapping} not linked yet, in order: newer than the last linked one. */
    List<Segment> fresh(List<Segment> overlapping) {
        long last = linked.isEmpty() ? -1 : linked.get(linked.size() - 1).sequence();
        return overlapping.stream().filter(s -> s.sequence() > last).toList();
    }

    int linkedCount() {
        return linked.size();
    }

    void addLinked(Segment segment) {
        linked.add(segment);
    }

    List<Segment> linked() {
        return List.copyOf(linked);
    }

    boolean done() {
        return done;
    }

    void markDone() {
        done = true;
    }
}
