package io.clipdesk.app;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's contract on the real engine (test-signal media, SQLite, a moved clock): a clip lives from when it is
 * available, not from its end, and a range reaching before the DVR is cut from what the DVR holds.
 */
class ClipContractTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
        f.produce(Duration.ofSeconds(12));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void clipReachingBackMoreThanAnHourInAFourHourDvr_isNotBornExpired() {
        f.engine.streams().update(STREAM, new StreamPatch(Optional.empty(), Optional.empty(), OptionalInt.of(14400),
                Optional.empty()));
        long startS = f.window().startMs() / 1000 + 1;
        f.clock.advance(Duration.ofMinutes(90));

        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 3));
        assertEquals(f.nowS() + 3600, clip.expirationS(), "an hour after it is available, which is now");
        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);
        assertTrue(f.engine.clips().list(STREAM).contains(ready), "listed, not born expired");
    }

    @Test
    void tenSecondClipAtTheTailOfAnHourDvr_livesAnHourAfterCreation() {
        long tailS = f.window().startMs() / 1000 + 1;
        f.clock.advance(Duration.ofSeconds(3600 - 30)); // the tail is about to leave the DVR
        long createdS = f.nowS();
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, tailS, 10));
        f.awaitStatus(clip.id(), ClipStatus.READY);
        assertEquals(createdS + 3600, clip.expirationS());

        f.clock.set(Instant.ofEpochSecond(createdS + 3600).minusMillis(1));
        f.engine.sweepNow();
        assertEquals(ClipStatus.READY, f.engine.clips().get(clip.id()).status(), "alive for the whole hour");
        assertTrue(f.engine.streams().segments(STREAM, clip.startS() * 1000, clip.endS() * 1000).isEmpty(),
                "although the DVR rolled past it");
        f.clock.set(Instant.ofEpochSecond(createdS + 3600));
        assertThrows(NotFoundException.class, () -> f.engine.clips().get(clip.id()));
    }

    @Test
    void explicitExpirationAlreadyPast_isRejectedNamingTheAllowedRange() {
        long startS = f.window().startMs() / 1000 + 1;
        ClipRejectedException e = assertThrows(ClipRejectedException.class, () -> f.engine.clips()
                .create(ClipRequest.of(STREAM, startS, 2).withExpiration(f.nowS() - 1)));
        assertEquals(ClipRejectedException.Rule.EXPIRATION, e.rule());
        assertTrue(e.getMessage().contains("already past"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed " + (f.nowS() + 60) + "–" + (f.nowS() + 14400)), e.getMessage());
        assertEquals(f.nowS() + 60, f.engine.clips().create(ClipRequest.of(STREAM, startS, 2)
                .withExpiration(f.nowS() + 60)).expirationS(), "a clip that ended before now may live a minute more");
    }

    @Test
    void rangeOverlappingTheDvrTail_deliversWhatTheDvrHolds() throws Exception {
        long tailMs = f.window().startMs();
        long tailS = tailMs / 1000;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, tailS - 5, 8));
        assertEquals(tailS, clip.startS(), "starts where the DVR does");
        assertEquals(3, clip.durationS(), "the part the DVR holds");

        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);
        assertEquals(tailMs, ready.cutStartMs(), "from the DVR's first media");
        assertTrue(ready.cutEndMs() >= (tailS + 3) * 1000, "to the asked end: " + ready);
        Path mp4 = ((MediaContent.FileContent) f.engine.media().clip(STREAM, MediaPaths.clipMasterMp4(clip.id())))
                .path();
        assertEquals((ready.cutEndMs() - ready.cutStartMs()) / 1000.0, Ffprobe.durationS(mp4), 0.1);
    }

    @Test
    void frameClipOverlappingTheDvrTail_startsAtItsFirstFrame_andEndsAtTheMark() {
        long tailMs = f.window().startMs();
        long startS = tailMs / 1000 - 3;
        long toMs = (tailMs / 1000 + 1) * 1000 + 500;
        Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 5)
                .withExactRange(new ExactRange(startS * 1000 + 200, toMs)));
        assertEquals(Optional.of(new ExactRange(tailMs, toMs)), clip.exactRange());

        Clip ready = f.awaitStatus(clip.id(), ClipStatus.READY);
        assertEquals(tailMs, ready.cutStartMs());
        assertEquals(toMs, ready.cutEndMs());
    }

    @Test
    void rangeWhollyBeforeTheDvr_isRejectedNamingTheWindow() {
        long tailS = f.window().startMs() / 1000;
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> f.engine.clips().create(ClipRequest.of(STREAM, tailS - 20, 5)));
        assertEquals(ClipRejectedException.Rule.START_BEFORE_DVR, e.rule());
        assertTrue(e.getMessage().contains("before the DVR window " + tailS + "–"), e.getMessage());
    }
}
