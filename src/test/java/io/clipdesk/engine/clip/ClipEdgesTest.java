package io.clipdesk.engine.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.Rendition;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which parts of which DVR segments a frame-accurate clip takes, and what it tells players, with a stand-in
 * trimmer (the FFmpeg one has its own test): a clip 13–17 s over 2 s segments starting at 10 s.
 */
class ClipEdgesTest {

    static final List<Rendition> LADDER = Rendition.DEFAULT_LADDER;

    /** Writes a marker file and answers as told, remembering each range it was asked for. */
    static final class StandInTrimmer implements SegmentTrimmer {
        final List<Range> asked = new ArrayList<>();
        boolean foreign;
        boolean fail;
        boolean empty;

        @Override
        public Optional<Trimmed> trim(Path source, Path target, Range range) {
            asked.add(range);
            if (fail) {
                throw new MediaException("cannot decode");
            }
            if (empty) {
                return Optional.empty();
            }
            DurableFiles.writeString(target, "trimmed");
            return Optional.of(new Trimmed(range.fromUs(), range.toUs() - range.fromUs(), true, foreign));
        }
    }

    @TempDir
    Path dir;
    DataLayout layout;
    StandInTrimmer trimmer = new StandInTrimmer();
    ClipEdges edges;
    ClipRecording recording;
    List<Segment> dvr = new ArrayList<>();

    @BeforeEach
    void dvr() throws IOException {
        layout = new DataLayout(dir);
        edges = new ClipEdges(layout, trimmer, 2000);
        for (int i = 0; i < 5; i++) {
            dvr.add(new Segment(1, i, 10_000 + 2000L * i, 2_000_000, false));
            for (Rendition r : LADDER) {
                Path file = layout.dvrSegment(1, r.name(), i);
                Files.createDirectories(file.getParent());
                Files.writeString(file, "dvr " + i);
            }
        }
        Clip clip = new Clip("abcdefabcdef", 1, "Edges", 13, 4, 13 + 4 + 3600, 0, false, 0,
                LADDER.stream().map(Rendition::name).toList(), ClipStatus.RECORDING, "", 0, 0, ClipAccuracy.FRAME);
        recording = new ClipRecording(clip, LADDER, layout.clipDir(clip.id()));
    }

    private void deliverCovering() throws IOException {
        for (Segment s : recording.fresh(dvr.subList(1, 4))) {
            edges.deliver(recording, s);
        }
    }

    private Path clipSegment(int index) {
        return recording.folder().resolve(MediaPaths.clipSegment("abcdefabcdef", "media_2_720", index));
    }

    @Test
    void window_ofSegmentsInsideAndAtTheEnds() {
        assertTrue(ClipEdges.window(dvr.get(2), 13_000, 17_000).isEmpty(), "14–16 s lies inside: linked whole");
        assertEquals(new ClipEdges.Window(1_000_000, 2_000_000), ClipEdges.window(dvr.get(1), 13_000, 17_000)
                .orElseThrow(), "12–14 s loses its first second");
        assertEquals(new ClipEdges.Window(0, 1_000_000), ClipEdges.window(dvr.get(3), 13_000, 17_000)
                .orElseThrow(), "16–18 s loses its last second");
        assertEquals(new ClipEdges.Window(500_000, 1_500_000), ClipEdges.window(dvr.get(1), 12_500, 13_500)
                .orElseThrow(), "one segment holding both ends");
    }

    @Test
    void deliver_trimsTheEnds_linksTheMiddle_andStartsAndEndsTheClipOnItsRange() throws IOException {
        deliverCovering();

        assertEquals(2 * LADDER.size(), trimmer.asked.size(), "first and last segment, every rendition");
        assertEquals(List.of(new Segment(1, 1, 13_000, 1_000_000, false), new Segment(1, 2, 14_000, 2_000_000, false),
                new Segment(1, 3, 16_000, 1_000_000, false)), recording.linked());
        assertEquals("trimmed", Files.readString(clipSegment(0)));
        assertTrue(Files.isSameFile(clipSegment(1), layout.dvrSegment(1, "media_2_720", 2)), "a hard link");
        assertEquals("trimmed", Files.readString(clipSegment(2)));
        assertEquals(17_000, recording.cutEndMs());
        assertEquals(2000, trimmer.asked.get(0).gopMs(), "re-encoded with the DVR's GOP");
    }

    @Test
    void deliver_foreignParameterSets_markEachJoinADiscontinuity() throws IOException {
        trimmer.foreign = true;
        deliverCovering();

        assertEquals(List.of(false, true, true), recording.linked().stream().map(Segment::discontinuity).toList(),
                "re-encoded → DVR → re-encoded: players reset at both joins");
    }

    @Test
    void deliver_aSegmentThatCannotBeTrimmed_isDeliveredWhole() throws IOException {
        trimmer.fail = true;
        deliverCovering();

        assertEquals(dvr.subList(1, 4), recording.linked(), "a clip a GOP longer on each side, not a failed one");
        assertTrue(Files.isSameFile(clipSegment(0), layout.dvrSegment(1, "media_2_720", 1)));
        assertEquals(18_000, recording.cutEndMs());
    }

    @Test
    void deliver_aSegmentGrazedBetweenTwoFrames_isSkippedForGood() throws IOException {
        trimmer.empty = true;
        edges.deliver(recording, dvr.get(1));

        assertEquals(0, recording.linkedCount());
        assertFalse(Files.exists(clipSegment(0)));
        assertEquals(dvr.subList(2, 4), recording.fresh(dvr.subList(1, 4)), "not asked for again");
    }
}
