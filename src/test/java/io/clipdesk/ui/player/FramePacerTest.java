package io.clipdesk.ui.player;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramePacerTest {

    private static final long MS = 1_000_000;
    private static final long T = 1_716_562_000_000L;
    private final FramePacer pacer = new FramePacer();

    @Test
    void shown_onTime_makesTheNextPictureDueOneFrameAfterTheAnchor() {
        pacer.anchor(0, T);
        pacer.shown(T, 40, 1, 0);
        assertEquals(40 * MS, pacer.dueNanos());
        pacer.shown(T + 40, 40, 1, 41 * MS);
        assertEquals(80 * MS, pacer.dueNanos(), "a slightly late decode does not push the schedule back");
    }

    @Test
    void shown_atDoubleRate_halvesTheFrameInterval() {
        pacer.anchor(0, T);
        pacer.shown(T + 40, 40, 2, 20 * MS);
        assertEquals(40 * MS, pacer.dueNanos());
    }

    @Test
    void shown_farLate_reanchorsInsteadOfRacing() {
        pacer.anchor(0, T);
        pacer.shown(T + 40, 40, 1, 900 * MS);
        assertEquals(940 * MS, pacer.dueNanos());
    }

    @Test
    void shown_afterAJumpInMediaTime_reanchors() {
        pacer.anchor(0, 0);
        pacer.shown(T, 40, 1, 5 * MS);
        assertEquals(45 * MS, pacer.dueNanos());
    }
}
