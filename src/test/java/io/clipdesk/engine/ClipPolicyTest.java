package io.clipdesk.engine;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipPolicyTest {

    private static final long NOW_S = 1_716_565_600L;
    private static final long NOW_MS = NOW_S * 1000;
    private static final LiveStream STREAM = new LiveStream(7, "Main", SourceSpec.TEST_SIGNAL, true, 3600,
            "abcdefghijkl", 0, Rendition.DEFAULT_LADDER);
    private static final DvrWindow WINDOW = new DvrWindow((NOW_S - 3600) * 1000, NOW_MS);

    private static ClipPlan plan(ClipRequest request) {
        return ClipPolicy.plan(request, STREAM, WINDOW, NOW_MS, ZoneOffset.UTC);
    }

    private static ClipRejectedException rejected(ClipRequest request) {
        return assertThrows(ClipRejectedException.class, () -> plan(request));
    }

    @Test
    void omittedStartAndExpiration_meanNowAndOneHourAfterTheEnd() {
        ClipPlan p = plan(new ClipRequest(7, OptionalLong.empty(), 30, OptionalLong.empty(), false, "", null));
        assertEquals(NOW_S, p.startS());
        assertEquals(NOW_S + 30 + 3600, p.expirationS());
        assertEquals("Clip " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(java.time.Instant.ofEpochSecond(NOW_S).atZone(ZoneOffset.UTC)), p.name());
    }

    @Test
    void create_durationZeroOrOverDvr_isRejectedWithRange() {
        for (long bad : List.of(0L, -5L, 3601L)) {
            ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 100, bad));
            assertEquals(ClipRejectedException.Rule.DURATION, e.rule());
            assertTrue(e.getMessage().contains("1–3600"), e.getMessage());
        }
    }

    @Test
    void create_durationAtLimits_isAccepted() {
        assertEquals(1, plan(ClipRequest.of(7, NOW_S - 100, 1)).durationS());
        assertEquals(3600, plan(ClipRequest.of(7, NOW_S - 3600, 3600)).durationS());
    }

    @Test
    void create_startBeforeDvrWindow_isRejectedWithWindowInMessage() {
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 3601, 10));
        assertEquals(ClipRejectedException.Rule.START_BEFORE_DVR, e.rule());
        assertTrue(e.getMessage().contains("before the DVR window " + (NOW_S - 3600) + "–" + NOW_S), e.getMessage());
    }

    @Test
    void create_startMoreThanAMinuteAhead_isRejected() {
        assertEquals(NOW_S + 60, plan(ClipRequest.of(7, NOW_S + 60, 10)).startS());
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S + 61, 10));
        assertEquals(ClipRejectedException.Rule.START_IN_FUTURE, e.rule());
        assertTrue(e.getMessage().contains(Long.toString(NOW_S + 60)), e.getMessage());
    }

    @Test
    void create_expirationOutsideOneMinuteToFourHours_isRejectedWithRange() {
        long end = NOW_S - 100 + 10;
        for (long bad : List.of(end + 59, end, end + 14401, end - 10)) {
            ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 100, 10).withExpiration(bad));
            assertEquals(ClipRejectedException.Rule.EXPIRATION, e.rule());
            assertTrue(e.getMessage().contains("between " + (end + 60) + " and " + (end + 14400)), e.getMessage());
        }
        assertEquals(end + 60, plan(ClipRequest.of(7, NOW_S - 100, 10).withExpiration(end + 60)).expirationS());
        assertEquals(end + 14400, plan(ClipRequest.of(7, NOW_S - 100, 10).withExpiration(end + 14400)).expirationS());
    }

    @Test
    void create_dvrDisabled_isItsOwnRejection() {
        LiveStream noDvr = STREAM.withDvr(false, 3600);
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> ClipPolicy.plan(ClipRequest.of(7, NOW_S - 10, 5), noDvr, WINDOW, NOW_MS, ZoneOffset.UTC));
        assertEquals(ClipRejectedException.Rule.DVR_DISABLED, e.rule());
        assertTrue(e.getMessage().contains("DVR must be enabled for clip recording"));
    }

    @Test
    void create_nameOver255_isRejected() {
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 10, 5).withName("x".repeat(256)));
        assertEquals(ClipRejectedException.Rule.NAME, e.rule());
    }

    @Test
    void create_emptyDvr_saysToWait() {
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> ClipPolicy.plan(ClipRequest.of(7, NOW_S, 5), STREAM, DvrWindow.EMPTY, NOW_MS, ZoneOffset.UTC));
        assertEquals(ClipRejectedException.Rule.NO_MEDIA, e.rule());
    }
}
