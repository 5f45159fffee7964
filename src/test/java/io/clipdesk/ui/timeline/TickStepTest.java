package io.clipdesk.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickStepTest {

    private static final double LABEL_PX = 90;

    @Test
    void forScale_thirtySecondsAcross1200px_labelsEverySecondWithSeconds() {
        TickStep step = TickStep.forScale(30_000 / 1200.0, LABEL_PX);
        assertTrue(step.majorMs() <= 5_000, "major " + step.majorMs());
        assertTrue(step.showsSeconds());
    }

    @Test
    void forScale_tenMinutesAcross1200px_labelsEveryMinute() {
        TickStep step = TickStep.forScale(600_000 / 1200.0, LABEL_PX);
        assertEquals(60_000, step.majorMs());
        assertFalse(step.showsSeconds());
    }

    @Test
    void forScale_fourHoursAcross1200px_labelsEveryThirtyMinutes() {
        TickStep step = TickStep.forScale(4 * 3_600_000 / 1200.0, LABEL_PX);
        assertEquals(30 * 60_000, step.majorMs());
    }

    @Test
    void forScale_labelsNeverCloserThanAsked_atAnyZoom() {
        for (double msPerPx = 5; msPerPx < 200_000; msPerPx *= 1.3) {
            TickStep step = TickStep.forScale(msPerPx, LABEL_PX);
            boolean coarsest = step.equals(TickStep.LADDER.get(TickStep.LADDER.size() - 1));
            assertTrue(coarsest || step.majorMs() / msPerPx >= LABEL_PX, "at " + msPerPx + " ms/px: " + step);
        }
    }

    @Test
    void forScale_zoomingIn_neverCoarsensTheSpacing() {
        long previous = Long.MAX_VALUE;
        for (double msPerPx = 100_000; msPerPx > 5; msPerPx /= 1.2) {
            long major = TickStep.forScale(msPerPx, LABEL_PX).majorMs();
            assertTrue(major <= previous);
            previous = major;
        }
    }
}
