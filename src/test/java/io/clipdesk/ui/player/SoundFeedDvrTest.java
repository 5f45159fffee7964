package io.clipdesk.ui.player;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.decode.FfmpegSoundDecoder;
import io.clipdesk.testing.RecordedSignal;
import io.clipdesk.ui.dvr.SegmentIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The DVR's sound played across segment joins, on real test-signal segments (1 s, each starting with its beep)
 * and the real decoder, each segment's sound decoded on from the one before: one unbroken run of media time, the
 * beep at each join heard from its start. (Here the segments' sound overlaps a little, so a cold decoder's silent
 * start falls in the overlap; {@code FfmpegSoundDecoderJoinTest} shows that silence itself.)
 */
class SoundFeedDvrTest {

    private static final int CHUNK_FRAMES = SoundDecoder.SAMPLE_RATE / 100;
    private static final Rendition RENDITION = RecordedSignal.RENDITION;

    @TempDir
    static Path dir;
    static List<SegmentDraft> recorded;

    @BeforeAll
    static void record() {
        recorded = RecordedSignal.record(dir, 1000, 4);
    }

    @Test
    void playedAcrossJoins_theMediaTimeRunsOnUnbroken_andEachSegmentStartsWithItsBeep() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            segments.add(new Segment(1, i, recorded.get(i).startMs(), recorded.get(i).durationUs(), false));
        }
        SegmentIndex index = SegmentIndex.of(segments);
        SoundFeed feed = new SoundFeed("test-sound-open-1", new FfmpegSoundDecoder(), () -> index,
                seq -> SegmentMedia.read(recorded.get((int) seq).renditionFiles().get(RENDITION.name())));
        try {
            long startUs = recorded.get(0).startMs() * 1000;
            assertTrue(feed.start(recorded.get(0).startMs(), 1));
            long expectedUs = startUs;
            long endUs = recorded.get(3).startMs() * 1000 + 500_000;
            List<Long> joinsUs = List.of(recorded.get(1).startMs() * 1000, recorded.get(2).startMs() * 1000,
                    recorded.get(3).startMs() * 1000);
            int[] peakAfterJoin = new int[joinsUs.size()];
            while (expectedUs < endUs) {
                SoundFeed.Chunk c = feed.next(CHUNK_FRAMES);
                if (c == null) {
                    fail("no sound at " + (expectedUs - startUs) / 1000 + " ms");
                }
                if (Math.abs(c.mediaUs() - expectedUs) > 1000) {
                    fail("the media time jumped from " + (expectedUs - startUs) / 1000 + " to "
                            + (c.mediaUs() - startUs) / 1000 + " ms");
                }
                for (int j = 0; j < joinsUs.size(); j++) {
                    // The first 5 ms after a join: a cold decoder gave exact silence there.
                    for (int f = 0; f < c.frames(); f++) {
                        long atUs = c.mediaUs() + f * 1_000_000L / SoundDecoder.SAMPLE_RATE;
                        if (atUs >= joinsUs.get(j) && atUs < joinsUs.get(j) + 5_000) {
                            peakAfterJoin[j] = Math.max(peakAfterJoin[j],
                                    Math.abs(c.samples()[(c.from() + f) * SoundDecoder.CHANNELS]));
                        }
                    }
                }
                expectedUs = c.mediaUs() + c.frames() * 1_000_000L / SoundDecoder.SAMPLE_RATE;
            }
            for (int j = 0; j < joinsUs.size(); j++) {
                assertTrue(peakAfterJoin[j] > 1000, "the beep at join " + (j + 1) + " is heard from its start: peak "
                        + peakAfterJoin[j] + " in its first 5 ms");
            }
        } finally {
            feed.shutdown();
        }
    }
}
