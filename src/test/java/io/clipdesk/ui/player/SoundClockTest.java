package io.clipdesk.ui.player;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which media time is heard: chunks as the sound thread queues them, the output's played position as it reports it. */
class SoundClockTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void mediaChunk_advancesWithThePlayedPosition_atItsRate() {
        SoundClock clock = new SoundClock();
        clock.queued(0, 480, T * 1000, 1, 1);
        clock.queued(480, 480, (T + 10) * 1000, 1, 1);
        clock.played(720, 0);
        assertEquals(T + 15, clock.mediaMsAt(0, 1));
        clock.queued(960, 480, (T + 20) * 1000, 0.5, 2);
        clock.played(960 + 480, 0);
        assertEquals(T + 25, clock.mediaMsAt(0, 2), "half speed: 10 ms heard is 5 ms of media");
    }

    @Test
    void hold_standsStill_silenceHasNoTime_andOlderRequestsAreStale() {
        SoundClock clock = new SoundClock();
        clock.queued(0, 480, T * 1000, 0, 1);
        clock.played(400, 0);
        assertEquals(T, clock.mediaMsAt(0, 1));
        assertEquals(SoundClock.STALE, clock.mediaMsAt(0, 2));
        clock.queued(480, 480, 0, SoundClock.NO_TIME, 2);
        clock.played(500, 0);
        assertEquals(PlayerCommand.NONE, clock.mediaMsAt(0, 2));
    }

    @Test
    void positionReportedInSteps_isReadFromTheSampleTakenJustAfterAStep() {
        // The sound server takes 60 ms (2880 frames) at a time; the position is sampled every 10 ms.
        SoundClock clock = new SoundClock();
        clock.queued(0, 48_000, T * 1000, 1, 1);
        for (long ms = 0; ms <= 200; ms += 10) {
            clock.played(ms / 60 * 2880, ms * 1_000_000);
        }
        // At 200 ms the last step (180 ms) was sampled at 180 ms exactly: 200 ms are heard, not 180.
        assertEquals(9600, clock.playedFramesAt(200_000_000));
        assertEquals(T + 205, clock.mediaMsAt(205_000_000, 1));
    }

    @Test
    void outputThatStoodStill_restartsTheEnvelope_andNeverRunsPastWhatWasWritten() {
        SoundClock clock = new SoundClock();
        clock.queued(0, 9600, T * 1000, 1, 1);
        clock.played(4800, 100_000_000);
        assertEquals(9600, clock.playedFramesAt(400_000_000), "ran dry at the 200 ms written");
        // 300 ms later the output has played only what was written: it stood still, the envelope starts over.
        clock.queued(9600, 9600, (T + 200) * 1000, 1, 1);
        clock.played(9600, 500_000_000);
        assertEquals(9600 + 480, clock.playedFramesAt(510_000_000));
        assertEquals(T + 210, clock.mediaMsAt(510_000_000, 1));
    }
}
