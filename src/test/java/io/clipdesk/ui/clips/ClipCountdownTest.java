package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.clip.ClipStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class ClipCountdownTest {

    /** 2024-05-24 14:46:40 UTC. */
    private static final long T0_S = 1_716_562_000L;
    private static final int SEGMENT_MS = 2000;

    public static Clip clip(ClipStatus status, long startS, int durationS, long expirationS) {
        return new Clip("abcdefabcdef", 1, "Goal", startS, durationS, expirationS, startS * 1000, false, 0,
                List.of("media_1_360", "media_2_720"), status, status == ClipStatus.FAILED ? "disk full" : "",
                0, 0, ClipAccuracy.SEGMENT);
    }

    @Test
    void recording_countsDownToOneSegmentAfterTheEnd_roundingUp() {
        Clip c = clip(ClipStatus.RECORDING, T0_S, 30, T0_S + 30 + 3600);
        long readyAtMs = (T0_S + 30) * 1000 + SEGMENT_MS;
        assertEquals("recording · ready in 0:23", ClipCountdown.of(c, readyAtMs - 23_000, SEGMENT_MS).text());
        assertEquals("recording · ready in 0:23", ClipCountdown.of(c, readyAtMs - 22_001, SEGMENT_MS).text());
        assertEquals("recording · ready in 0:01", ClipCountdown.of(c, readyAtMs - 1, SEGMENT_MS).text());
        assertEquals("recording · finishing", ClipCountdown.of(c, readyAtMs, SEGMENT_MS).text());
    }

    @Test
    void ready_acrossASourceGap_saysHowLongTheGapIs() {
        Clip c = clip(ClipStatus.READY, T0_S, 30, T0_S + 30 + 3600);
        Clip across = c.withCut(T0_S * 1000, (T0_S + 30) * 1000, 12_300);
        long nowMs = (T0_S + 32) * 1000;
        assertEquals("ready · crosses a 12 s gap · expires in 0:59:58", ClipCountdown.of(across, nowMs, SEGMENT_MS).text());
        assertEquals("ready · expires in 0:59:58", ClipCountdown.of(c, nowMs, SEGMENT_MS).text());
    }

    @Test
    void recording_progress_isTheShareOfStartToReadyThatHasPassed() {
        Clip c = clip(ClipStatus.RECORDING, T0_S, 8, T0_S + 8 + 3600);
        assertEquals(0.0, ClipCountdown.of(c, T0_S * 1000 - 5000, SEGMENT_MS).progress());
        assertEquals(0.5, ClipCountdown.of(c, T0_S * 1000 + 5000, SEGMENT_MS).progress(), 1e-9);
        assertEquals(1.0, ClipCountdown.of(c, T0_S * 1000 + 60_000, SEGMENT_MS).progress());
    }

    @Test
    void ready_countsDownToExpirationInHoursMinutesSeconds() {
        Clip c = clip(ClipStatus.READY, T0_S, 30, T0_S + 30 + 3600);
        long expiresAtMs = (T0_S + 30 + 3600) * 1000;
        ClipCountdown early = ClipCountdown.of(c, expiresAtMs - (59 * 60 + 12) * 1000, SEGMENT_MS);
        assertEquals("ready · expires in 0:59:12", early.text());
        assertEquals(ClipPhase.READY, early.phase());
        assertEquals("ready · expires in 1:00:00", ClipCountdown.of(c, expiresAtMs - 3_600_000, SEGMENT_MS).text());
    }

    @Test
    void anyStatus_atItsExpiration_readsExpired() {
        for (ClipStatus status : List.of(ClipStatus.RECORDING, ClipStatus.READY, ClipStatus.FAILED)) {
            Clip c = clip(status, T0_S, 30, T0_S + 90);
            ClipCountdown at = ClipCountdown.of(c, (T0_S + 90) * 1000, SEGMENT_MS);
            assertEquals(ClipPhase.EXPIRED, at.phase(), status.name());
            assertEquals("expired", at.text());
        }
    }

    @Test
    void failed_saysWhy() {
        ClipCountdown c = ClipCountdown.of(clip(ClipStatus.FAILED, T0_S, 30, T0_S + 3630), T0_S * 1000, SEGMENT_MS);
        assertEquals("failed: disk full", c.text());
        assertEquals(ClipPhase.FAILED, c.phase());
    }

    @Test
    void span_isMinutesUnderAnHour_andHoursFromOne() {
        assertEquals("0:00", ClipCountdown.span(0));
        assertEquals("1:05", ClipCountdown.span(65_000));
        assertEquals("1:00:00", ClipCountdown.span(3_600_000));
    }
}
