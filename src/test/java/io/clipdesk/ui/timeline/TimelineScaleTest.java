package io.clipdesk.ui.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineScaleTest {

    private static final long T0 = 1_716_562_000_000L;
    private final TimelineScale tenMinutesOn1200px = new TimelineScale(T0, T0 + 600_000, 1200);

    @Test
    void xOf_andTimeAt_areInverse() {
        assertEquals(0, tenMinutesOn1200px.xOf(T0));
        assertEquals(600, tenMinutesOn1200px.xOf(T0 + 300_000));
        assertEquals(1200, tenMinutesOn1200px.xOf(T0 + 600_000));
        assertEquals(T0 + 300_000, tenMinutesOn1200px.timeAt(600));
        assertEquals(T0 + 123_500, tenMinutesOn1200px.timeAt(tenMinutesOn1200px.xOf(T0 + 123_500)));
    }

    @Test
    void zoom_inAroundThePointer_keepsTheTimeUnderThePointer() {
        long under = tenMinutesOn1200px.timeAt(900);
        TimelineScale zoomed = tenMinutesOn1200px.zoom(0.5, 900, 10_000, 3_600_000);
        assertEquals(300_000, zoomed.spanMs());
        assertEquals(under, zoomed.timeAt(900));
    }

    @Test
    void zoom_isLimitedToTheAllowedSpans() {
        assertEquals(10_000, tenMinutesOn1200px.zoom(0.0001, 0, 10_000, 3_600_000).spanMs());
        assertEquals(3_600_000, tenMinutesOn1200px.zoom(1000, 0, 10_000, 3_600_000).spanMs());
    }

    @Test
    void pan_dragRight_movesTheRangeBackInTime() {
        TimelineScale panned = tenMinutesOn1200px.pan(120);
        assertEquals(T0 - 60_000, panned.startMs());
        assertEquals(600_000, panned.spanMs());
    }

    @Test
    void clampTo_slidesTheRangeBackInsideWithoutChangingItsSpan() {
        TimelineScale clamped = tenMinutesOn1200px.pan(-10_000).clampTo(T0, T0 + 900_000);
        assertEquals(T0 + 300_000, clamped.startMs());
        assertEquals(T0 + 900_000, clamped.endMs());
    }

    @Test
    void alignUp_usesLocalTimeOfTheZone() {
        ZoneId halfHourZone = ZoneOffset.ofHoursMinutes(5, 30);
        long aligned = TimelineScale.alignUp(T0, 3_600_000, halfHourZone);
        LocalTime local = Instant.ofEpochMilli(aligned).atZone(halfHourZone).toLocalTime();
        assertEquals(0, local.getMinute());
        assertEquals(0, local.getSecond());
        assertTrue(aligned >= T0 && aligned < T0 + 3_600_000);
    }

    @Test
    void alignUp_onAStep_staysPut() {
        long onMinute = TimelineScale.alignUp(T0, 60_000, ZoneOffset.UTC);
        assertEquals(onMinute, TimelineScale.alignUp(onMinute, 60_000, ZoneOffset.UTC));
    }
}
