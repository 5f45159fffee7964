package io.clipdesk.engine.clip;

import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
    void omittedStartAndExpiration_meanNowAndOneHourAfterTheClipIsAvailable() {
        ClipPlan p = plan(new ClipRequest(7, OptionalLong.empty(), 30, OptionalLong.empty(), false, "", null));
        assertEquals(NOW_S, p.startS());
        assertEquals(NOW_S + 30 + 3600, p.expirationS(), "available at its end, 30 s from now");
        assertEquals("Clip " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(java.time.Instant.ofEpochSecond(NOW_S).atZone(ZoneOffset.UTC)), p.name());
    }

    @Test
    void create_reachingBackMoreThanAnHourInAFourHourDvr_isNotBornExpired() {
        LiveStream fourHours = STREAM.withDvr(true, 14400);
        DvrWindow deep = new DvrWindow((NOW_S - 14400) * 1000, NOW_MS);
        ClipPlan p = ClipPolicy.plan(ClipRequest.of(7, NOW_S - 7200, 60), fourHours, deep, NOW_MS, ZoneOffset.UTC);

        assertEquals(NOW_S + 3600, p.expirationS(), "an hour from now, not from its end two hours ago");
    }

    @Test
    void create_tenSecondsAtTheTailOfAnHourDvr_livesAnHourFromNow() {
        assertEquals(NOW_S + 3600, plan(ClipRequest.of(7, NOW_S - 3600, 10)).expirationS());
    }

    @Test
    void create_explicitExpiration_countsOneMinuteToFourHoursFromAvailability() {
        long past = NOW_S - 100; // ended before now: available now
        for (long bad : List.of(NOW_S + 59, NOW_S + 14401)) {
            ClipRejectedException e = rejected(ClipRequest.of(7, past, 10).withExpiration(bad));
            assertEquals(ClipRejectedException.Rule.EXPIRATION, e.rule());
            assertTrue(e.getMessage().contains("allowed " + (NOW_S + 60) + "–" + (NOW_S + 14400)), e.getMessage());
        }
        assertEquals(NOW_S + 60, plan(ClipRequest.of(7, past, 10).withExpiration(NOW_S + 60)).expirationS());
        assertEquals(NOW_S + 14400, plan(ClipRequest.of(7, past, 10).withExpiration(NOW_S + 14400)).expirationS());

        long end = NOW_S + 8; // still recording: available at its end
        ClipRejectedException early = rejected(ClipRequest.of(7, NOW_S - 2, 10).withExpiration(end + 59));
        assertTrue(early.getMessage().contains("allowed " + (end + 60) + "–" + (end + 14400)), early.getMessage());
        assertEquals(end + 60, plan(ClipRequest.of(7, NOW_S - 2, 10).withExpiration(end + 60)).expirationS());
    }

    @Test
    void create_expirationAlreadyPast_isRejectedSayingSoWithTheAllowedRange() {
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 100, 10).withExpiration(NOW_S - 30));
        assertEquals(ClipRejectedException.Rule.EXPIRATION, e.rule());
        assertTrue(e.getMessage().startsWith("expiration " + (NOW_S - 30) + " is already past (now " + NOW_S + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed " + (NOW_S + 60) + "–" + (NOW_S + 14400)), e.getMessage());
    }

    @Test
    void create_lifeInsteadOfExpiration_countsFromAvailabilityOnTheEnginesClock() {
        assertEquals(NOW_S + 300, plan(ClipRequest.of(7, NOW_S - 3000, 10).withLife(300)).expirationS());
        assertEquals(NOW_S + 8 + 60, plan(ClipRequest.of(7, NOW_S - 2, 10).withLife(60)).expirationS());
        assertEquals(ClipRejectedException.Rule.EXPIRATION, rejected(ClipRequest.of(7, NOW_S, 5).withLife(59)).rule());
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
    void create_rangeWhollyBeforeTheDvrWindow_isRejectedWithWindowInMessage() {
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S - 3610, 10));
        assertEquals(ClipRejectedException.Rule.START_BEFORE_DVR, e.rule());
        assertTrue(e.getMessage().contains("before the DVR window " + (NOW_S - 3600) + "–" + NOW_S), e.getMessage());
        assertTrue(e.getMessage().contains("nothing to clip"), e.getMessage());
    }

    /**
     * A start so far back that start × 1000 wraps around a long onto a time inside the DVR (sent by a hostile or
     * broken client as a JSON integer) is still a range wholly before the DVR, not a clip of the whole DVR.
     */
    @Test
    void create_startWhoseMillisecondsOverflowIntoTheDvr_isRejectedAsBeforeTheDvr() {
        long startS = wrappingOnto((NOW_S - 20) * 1000);
        ClipRejectedException e = rejected(ClipRequest.of(7, startS, 5));
        assertEquals(ClipRejectedException.Rule.START_BEFORE_DVR, e.rule());
        assertTrue(e.getMessage().contains("start " + startS + " + duration 5 s ends at " + (startS + 5)),
                e.getMessage());

        long exactS = wrappingOnto((NOW_S - 20) * 1000);
        ClipRequest exact = ClipRequest.of(7, exactS, 5)
                .withExactRange(new ExactRange((NOW_S - 20) * 1000 + 100, (NOW_S - 16) * 1000));
        ClipRejectedException outside = rejected(exact);
        assertEquals(ClipRejectedException.Rule.EXACT_RANGE, outside.rule(),
                "marks in the DVR do not lie inside seconds billions of years before it");
        assertTrue(outside.getMessage().contains("that is " + exactS + "000–" + (exactS + 5) + "000 ms"),
                outside.getMessage());
    }

    /** The most negative second whose value × 1000, wrapped around a long, is {@code targetMs}. */
    private static long wrappingOnto(long targetMs) {
        java.math.BigInteger wrap = java.math.BigInteger.ONE.shiftLeft(64);
        for (int k = -500; k < 0; k++) {
            java.math.BigInteger ms = java.math.BigInteger.valueOf(targetMs).add(wrap.multiply(
                    java.math.BigInteger.valueOf(k)));
            java.math.BigInteger[] qr = ms.divideAndRemainder(java.math.BigInteger.valueOf(1000));
            if (qr[1].signum() == 0 && qr[0].bitLength() < 64) {
                long startS = qr[0].longValueExact();
                assertEquals(targetMs, startS * 1000, "the multiplication wraps onto the target");
                return startS;
            }
        }
        throw new AssertionError("no wrapping second for " + targetMs);
    }

    @Test
    void create_startBeforeTheDvrOverlappingIt_isCutFromWhatTheDvrHolds() {
        ClipPlan p = plan(ClipRequest.of(7, NOW_S - 3700, 200));

        assertEquals(NOW_S - 3600, p.startS(), "starts where the DVR does");
        assertEquals(100, p.durationS(), "the part the DVR holds");
        assertEquals(NOW_S - 3500, p.endS(), "ends where it was asked to");
        assertEquals(NOW_S + 3600, p.expirationS());
        assertEquals("Clip " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(java.time.Instant.ofEpochSecond(NOW_S - 3600).atZone(ZoneOffset.UTC)), p.name());
    }

    @Test
    void create_exactRangeReachingBeforeTheDvr_startsAtTheDvrsFirstMedia() {
        DvrWindow window = new DvrWindow((NOW_S - 3600) * 1000 + 400, NOW_MS);
        long startS = NOW_S - 3602;
        ClipRequest exact = ClipRequest.of(7, startS, 4)
                .withExactRange(new ExactRange(startS * 1000 + 300, (startS + 3) * 1000 + 500));
        ClipPlan p = ClipPolicy.plan(exact, STREAM, window, NOW_MS, ZoneOffset.UTC);

        assertEquals(NOW_S - 3600, p.startS());
        assertEquals(2, p.durationS());
        assertEquals(Optional.of(new ExactRange(window.startMs(), (startS + 3) * 1000 + 500)), p.exactRange());

        ClipRequest before = ClipRequest.of(7, startS, 4)
                .withExactRange(new ExactRange(startS * 1000 + 300, (NOW_S - 3600) * 1000 + 400));
        ClipRejectedException e = assertThrows(ClipRejectedException.class,
                () -> ClipPolicy.plan(before, STREAM, window, NOW_MS, ZoneOffset.UTC));
        assertEquals(ClipRejectedException.Rule.START_BEFORE_DVR, e.rule(), "the marked frames are all gone");
    }

    @Test
    void create_exactRange_needsFrameAccuracyAStartAndToLieInsideTheSeconds() {
        ExactRange range = new ExactRange((NOW_S - 10) * 1000 + 520, (NOW_S - 7) * 1000 + 280);
        ClipRequest seconds = ClipRequest.of(7, NOW_S - 10, 4);
        assertEquals(Optional.of(range), plan(seconds.withExactRange(range)).exactRange());

        ClipRejectedException segment = rejected(new ClipRequest(7, OptionalLong.of(NOW_S - 10), 4,
                OptionalLong.empty(), false, "", ClipAccuracy.SEGMENT, Optional.of(range)));
        assertEquals(ClipRejectedException.Rule.EXACT_RANGE, segment.rule());
        assertTrue(segment.getMessage().contains("\"accuracy\": \"frame\""), segment.getMessage());
        ClipRejectedException noStart = rejected(new ClipRequest(7, OptionalLong.empty(), 4, OptionalLong.empty(),
                false, "", ClipAccuracy.FRAME, Optional.of(range)));
        assertTrue(noStart.getMessage().contains("no start was given"), noStart.getMessage());
        ExactRange early = new ExactRange((NOW_S - 10) * 1000 - 40, (NOW_S - 7) * 1000);
        ClipRejectedException outside = rejected(seconds.withExactRange(early));
        assertEquals(ClipRejectedException.Rule.EXACT_RANGE, outside.rule());
        assertTrue(outside.getMessage().contains("inside start to start + duration"), outside.getMessage());
        assertTrue(outside.getMessage().contains(Long.toString(early.fromMs())), outside.getMessage());
    }

    @Test
    void create_startMoreThanAMinuteAhead_isRejected() {
        assertEquals(NOW_S + 60, plan(ClipRequest.of(7, NOW_S + 60, 10)).startS());
        ClipRejectedException e = rejected(ClipRequest.of(7, NOW_S + 61, 10));
        assertEquals(ClipRejectedException.Rule.START_IN_FUTURE, e.rule());
        assertTrue(e.getMessage().contains(Long.toString(NOW_S + 60)), e.getMessage());
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
