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
}
