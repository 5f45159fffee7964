package io.clipdesk.engine.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.Rendition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two ends of a frame-accurate clip. A DVR segment that holds the clip's start or end is trimmed to the
 * frames inside the range (a re-encoded first GOP, a cut-short last one); the segments between stay hard links.
 * The trimmed segment keeps the DVR's timestamps, so players run across the join; where its H.264 parameter sets
 * differ from the DVR's (a remuxed source not encoded by x264 with our settings) the join is marked a
 * discontinuity so players reset their decoder. A segment that cannot be trimmed is delivered whole: a clip a
 * GOP too long beats a failed one.
 */
public final class ClipEdges {

    private static final Logger LOG = Logger.getLogger(ClipEdges.class.getName());

    /** The part of one segment to keep, as offsets from its first frame. */
    record Window(long fromUs, long toUs) {
    }

    private final DataLayout layout;
    private final SegmentTrimmer trimmer;
    private final int gopMs;

    /** @param gopMs the DVR's GOP (= segment) length, which the re-encoded GOP is opened with */
    public ClipEdges(DataLayout layout, SegmentTrimmer trimmer, int gopMs) {
        this.layout = layout;
        this.trimmer = trimmer;
        this.gopMs = gopMs;
    }

    /** The part of {@code segment} inside [{@code fromMs}, {@code toMs}), or empty when all of it is inside. */
    static Optional<Window> window(Segment segment, long fromMs, long toMs) {
        long fromUs = Math.max(0, (fromMs - segment.startMs()) * 1000);
        long toUs = Math.min(segment.durationUs(), (toMs - segment.startMs()) * 1000);
        if (fromUs == 0 && toUs == segment.durationUs()) {
            return Optional.empty();
        }
        return Optional.of(new Window(fromUs, toUs));
    }

    /**
     * Puts {@code segment} into the recording's folder as its next segment, trimmed where the clip starts or ends
     * inside it, and records what was delivered (nothing, when the clip only grazes it between two frames).
     */
    void deliver(ClipRecording recording, Segment segment) throws IOException {
        Optional<Window> window = window(segment, recording.fromMs(), recording.toMs());
        if (window.isPresent()) {
            try {
                trim(recording, segment, window.get());
                return;
            } catch (MediaException e) {
                LOG.log(Level.WARNING, "clip " + recording.clip().id() + ": segment " + segment.sequence()
                        + " cannot be trimmed; delivered whole", e);
            }
        }
        ClipPackager.linkSegment(layout, recording.folder(), names(recording), recording.renditions(), segment,
                recording.linkedCount());
        // Back on the DVR's own parameter sets after a foreign GOP: players must reset.
        recording.addLinked(recording.lastForeign() ? new Segment(segment.streamId(), segment.sequence(),
                segment.startMs(), segment.durationUs(), true) : segment);
    }

    private void trim(ClipRecording recording, Segment segment, Window window) throws IOException {
        ClipPackager.Names names = names(recording);
        int index = recording.linkedCount();
        SegmentTrimmer.Trimmed first = null;
        boolean foreign = false;
        for (Rendition rendition : recording.renditions()) {
            Path source = layout.dvrSegment(segment.streamId(), rendition.name(), segment.sequence());
            Path target = recording.folder().resolve(names.segment().apply(rendition.name(), index));
            Optional<SegmentTrimmer.Trimmed> trimmed = trimmer.trim(source, target,
                    new SegmentTrimmer.Range(window.fromUs(), window.toUs(), rendition, gopMs));
            if (trimmed.isEmpty()) {
                // Every rendition has the same frames: none of them has one in the range.
                recording.skip(segment);
                return;
            }
            first = first == null ? trimmed.get() : first;
            foreign |= trimmed.get().foreignParameterSets();
        }
        ClipPackager.linkScreenshot(layout, recording.folder(), names, segment, index);
        boolean headCut = window.fromUs() > 0;
        // The clip starts at the requested instant: the first kept frame is the one nearest to it.
        long startMs = headCut ? recording.fromMs() : segment.startMs();
        Segment delivered = new Segment(segment.streamId(), segment.sequence(), startMs, first.durationUs(),
                segment.discontinuity() || (index > 0 && foreign != recording.lastForeign()));
        recording.addTrimmed(delivered, foreign, window.toUs() < segment.durationUs());
    }

    /** Trims any segment file written as the DVR's (a clip's own copy), with the DVR's GOP. */
    Optional<SegmentTrimmer.Trimmed> trimFile(Path source, Path target, Window window, Rendition rendition) {
        return trimmer.trim(source, target, new SegmentTrimmer.Range(window.fromUs(), window.toUs(), rendition, gopMs));
    }

    private static ClipPackager.Names names(ClipRecording recording) {
        return ClipPackager.Names.forClip(recording.clip().id());
    }
}
