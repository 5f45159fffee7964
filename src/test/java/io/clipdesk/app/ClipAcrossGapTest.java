package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.clipdesk.app.EngineFixture.SEGMENT_MS;
import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seven seconds the source never delivered (ingest stops with the engine and starts again seven seconds later;
 * the DVR keeps wall-clock stamps, so the lost time is a hole and the first segment after it a discontinuity),
 * and clips on the real engine on either side of and across it.
 */
class ClipAcrossGapTest {

    private static final long LOST_MS = 7_000;

    @TempDir
    Path dir;
    EngineFixture f;
    long lastBeforeEndMs;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
        f.produce(Duration.ofSeconds(4));
        lastBeforeEndMs = f.window().endMs();
        f.engine.close();
        f.clock.advance(Duration.ofMillis(LOST_MS));
        f.engine = Engines.open(dir, f.clock, SEGMENT_MS);
        f.produce(Duration.ofSeconds(3));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void clipAcrossASourceGap_isReady_saysHowMuchIsMissing_andItsMp4Plays() throws Exception {
        List<Segment> dvr = f.engine.streams().segments(STREAM, 0, Long.MAX_VALUE);
        Segment firstAfter = dvr.stream().filter(s -> s.startMs() > lastBeforeEndMs).findFirst().orElseThrow();
        assertTrue(firstAfter.discontinuity(), "the first segment after the gap says so: " + dvr);
        assertEquals(lastBeforeEndMs + LOST_MS, firstAfter.startMs(), "the DVR keeps the lost time as a hole");

        long startS = lastBeforeEndMs / 1000 - 2;
        long durationS = firstAfter.startMs() / 1000 + 2 - startS;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, durationS));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        assertEquals(LOST_MS, ready.gapMs());
        assertTrue(ready.crossesGap());
        Path mp4 = file(MediaPaths.clipMasterMp4(ready.id()));
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(mp4));
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"));
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));
        String playlist = Files.readString(file(MediaPaths.clipPlaylist(ready.id(), ready.renditions().get(0))));
        assertTrue(playlist.contains("#EXT-X-DISCONTINUITY"), playlist);
    }

    @Test
    void clipsOnEitherSideOfTheGap_missNothing() {
        Clip before = f.engine.clips().create(ClipRequest.of(STREAM, lastBeforeEndMs / 1000 - 3, 2));
        Clip after = f.engine.clips().create(ClipRequest.of(STREAM, (lastBeforeEndMs + LOST_MS) / 1000, 2));

        Clip readyBefore = f.awaitStatus(before.id(), ClipStatus.READY);
        Clip readyAfter = f.awaitStatus(after.id(), ClipStatus.READY);
        assertEquals(0, readyBefore.gapMs(), readyBefore.toString());
        assertEquals(0, readyAfter.gapMs(), readyAfter.toString());
        assertFalse(readyAfter.crossesGap());
    }

    @Test
    void aClipStartingInsideTheGap_countsTheMissingPartBeforeItsFirstMedia_andItsMp4IsThatMuchShorter()
            throws Exception {
        long firstAfterMs = firstAfterGap().startMs();
        long startS = lastBeforeEndMs / 1000 + 2; // five of the seven lost seconds lie inside the clip
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, firstAfterMs / 1000 + 2 - startS));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        assertEquals(firstAfterMs - startS * 1000, ready.gapMs(), ready.toString());
        assertTrue(ready.gapMs() >= 4_000, "most of the gap is inside the clip: " + ready);
        assertEquals(firstAfterMs, ready.cutStartMs(), "the MP4 begins with the first media after the gap");
        assertMp4Lasts(ready, ready.toMs() - ready.fromMs() - ready.gapMs());
    }

    @Test
    void aClipEndingInsideTheGap_countsTheMissingPartAfterItsLastMedia_andItsMp4IsThatMuchShorter() throws Exception {
        long startS = lastBeforeEndMs / 1000 - 2;
        long endS = lastBeforeEndMs / 1000 + 3;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, endS - startS));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        assertEquals(endS * 1000 - lastBeforeEndMs, ready.gapMs(), ready.toString());
        assertEquals(lastBeforeEndMs, ready.cutEndMs(), "the MP4 ends with the last media before the gap");
        assertMp4Lasts(ready, ready.toMs() - ready.fromMs() - ready.gapMs());
    }

    @Test
    void anExactClipWhoseInMarkFallsInTheGap_countsFromTheMark_andItsMp4IsTheMarksLessTheGap() throws Exception {
        long firstAfterMs = firstAfterGap().startMs();
        long fromMs = lastBeforeEndMs + 1_480; // a frame clip: its marks, not whole seconds
        long toMs = firstAfterMs + 1_320;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, fromMs / 1000, (toMs + 999) / 1000 - fromMs / 1000)
                .withExactRange(new ExactRange(fromMs, toMs)));
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);

        assertEquals(firstAfterMs - fromMs, ready.gapMs(), ready.toString());
        assertMp4Lasts(ready, toMs - fromMs - ready.gapMs());
    }

    private Segment firstAfterGap() {
        return f.engine.streams().segments(STREAM, 0, Long.MAX_VALUE).stream()
                .filter(s -> s.startMs() > lastBeforeEndMs).findFirst().orElseThrow();
    }

    /** The MP4 lasts {@code ms} to a frame (25 fps), and the clip says so too. */
    private void assertMp4Lasts(Clip ready, long ms) throws Exception {
        Path mp4 = file(MediaPaths.clipMasterMp4(ready.id()));
        assertEquals(ms / 1000.0, Ffprobe.durationS(mp4), 0.04, "MP4 of " + ready);
        assertEquals(ms, ready.mediaMs(), "what the clip says its MP4 lasts: " + ready);
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));
    }

    private Path file(String name) {
        return ((MediaContent.FileContent) f.engine.media().clip(STREAM, name)).path();
    }
}
