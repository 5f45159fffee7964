package io.clipdesk.engine.clip;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipLifecycleTest {

    private static final long T0_S = 1_716_562_000L;
    private static final ClipLifecycle LIFECYCLE = new ClipLifecycle(2000);

    private static Clip clip(ClipStatus status) {
        return new Clip("abcdefabcdef", 1, "Goal", T0_S, 30, T0_S + 30 + 3600, T0_S * 1000, false, 0,
                List.of("media_1_360"), status, "", 0, 0, ClipAccuracy.SEGMENT);
    }

    @Test
    void recording_isReadyOneSegmentAfterItsEnd_andAvailableFromItsEnd() {
        Clip c = clip(ClipStatus.RECORDING);
        assertEquals((T0_S + 30) * 1000, LIFECYCLE.availableAtMs(c));
        assertEquals((T0_S + 30) * 1000 + 2000, LIFECYCLE.readyAtMs(c));
        assertEquals(ClipPhase.RECORDING, LIFECYCLE.phaseAt(c, (T0_S + 40) * 1000));
        assertEquals(LIFECYCLE.readyAtMs(c), LIFECYCLE.retryAtMs(c, T0_S * 1000));
        assertEquals((T0_S + 40) * 1000 + 1000, LIFECYCLE.retryAtMs(c, (T0_S + 40) * 1000), "never retry at once");
    }

    @Test
    void ready_isServedOnlyFromItsEnd_andUntilTheLastMillisecondBeforeExpiration() {
        Clip c = clip(ClipStatus.READY);
        assertEquals(ClipPhase.RECORDING, LIFECYCLE.phaseAt(c, (T0_S + 30) * 1000 - 1), "a clock set back");
        assertEquals(ClipPhase.READY, LIFECYCLE.phaseAt(c, (T0_S + 30) * 1000));
        assertEquals(ClipPhase.READY, LIFECYCLE.phaseAt(c, LIFECYCLE.expiresAtMs(c) - 1));
        assertTrue(LIFECYCLE.aliveAt(c, LIFECYCLE.expiresAtMs(c) - 1));
        assertFalse(LIFECYCLE.aliveAt(c, LIFECYCLE.expiresAtMs(c)));
        assertEquals(ClipPhase.EXPIRED, LIFECYCLE.phaseAt(c, LIFECYCLE.expiresAtMs(c)));
    }

    @Test
    void failedOrDeleted_isSoAtAnyTime() {
        assertEquals(ClipPhase.FAILED, LIFECYCLE.phaseAt(clip(ClipStatus.FAILED), T0_S * 1000));
        assertEquals(ClipPhase.EXPIRED, LIFECYCLE.phaseAt(clip(ClipStatus.EXPIRED), T0_S * 1000));
        assertFalse(LIFECYCLE.aliveAt(clip(ClipStatus.EXPIRED), T0_S * 1000));
    }
}
