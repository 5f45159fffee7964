package io.clipdesk.ui.timeline;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickLabelTest {

    /** 2024-05-24 14:46:40 UTC. */
    private static final long T0 = 1_716_562_000_000L;

    @Test
    void of_twoMinutesInParis_labelsLocalWallClockSeconds() {
        List<TickLabel> ticks = TickLabel.of(new TimelineScale(T0, T0 + 120_000, 1200), ZoneOffset.ofHours(2));
        assertEquals("16:46:30", ticks.get(0).text());
        assertEquals("16:46:40", ticks.get(1).text());
        assertEquals(T0, ticks.get(1).timeMs());
        assertEquals("16:48:40", ticks.get(ticks.size() - 1).text());
    }

    @Test
    void of_fourHours_labelsHoursAndMinutesOnHalfHours() {
        List<TickLabel> ticks = TickLabel.of(new TimelineScale(T0, T0 + 4 * 3_600_000L, 1200), ZoneOffset.UTC);
        for (TickLabel tick : ticks) {
            assertTrue(tick.text().matches("\\d\\d:(00|30)"), tick.text());
        }
        assertEquals("14:30", ticks.get(0).text());
    }
}
