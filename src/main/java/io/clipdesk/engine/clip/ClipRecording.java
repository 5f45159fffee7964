package io.clipdesk.engine.clip;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.stream.Rendition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy of one clip in progress: which DVR segments are already delivered into the clip's folder, in
 * order (hard links, or for a frame-accurate clip its trimmed ends). Guarded by its own monitor;
 * {@link DefaultClipService} advances it from the clip-cut pool.
 */
final class ClipRecording {

    private final Clip clip;
    private final List<Rendition> renditions;
    private final Path folder;
    private final List<Segment> linked = new ArrayList<>();
    private long lastSequence = -1;
    private boolean done;
    private boolean lastForeign;
    private boolean endCut;

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
        return clip.fromMs();
    }

    long toMs() {
        return clip.toMs();
    }

    /** Segments of {@code overlapping} not handled yet, in order: newer than the last one delivered or skipped. */
    List<Segment> fresh(List<Segment> overlapping) {
        return overlapping.stream().filter(s -> s.sequence() > lastSequence).toList();
    }

    int linkedCount() {
        return linked.size();
    }

    /** A DVR segment delivered whole (a hard link). */
    void addLinked(Segment segment) {
        linked.add(segment);
        lastSequence = segment.sequence();
        lastForeign = false;
    }

    /** A segment the clip only grazes, between two of its frames: nothing of it is delivered. */
    void skip(Segment segment) {
        lastSequence = segment.sequence();
    }

    /**
     * A segment trimmed to the clip's range ({@link ClipEdges}), as delivered: its own start and duration.
     *
     * @param foreign its H.264 parameter sets are not the DVR's
     * @param endCut  it was cut short at the clip's end
     */
    void addTrimmed(Segment segment, boolean foreign, boolean endCut) {
        linked.add(segment);
        lastSequence = segment.sequence();
        lastForeign = foreign;
        this.endCut |= endCut;
    }

    /** Whether the last segment delivered carries parameter sets other than the DVR's. */
    boolean lastForeign() {
        return lastForeign;
    }

    /** Where the delivered media ends on the wall clock: the clip's end exactly when the last segment was cut there. */
    long cutEndMs() {
        return endCut ? toMs() : linked.get(linked.size() - 1).endMs();
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
