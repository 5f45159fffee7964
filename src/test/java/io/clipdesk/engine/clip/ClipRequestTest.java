package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipRequestTest {

    private final ClipRequest seconds = ClipRequest.of(1, 1000, 4);

    @Test
    void exactRange_insideTheSeconds_makesAFrameCut() {
        ClipRequest exact = seconds.withExactRange(new ExactRange(1_000_520, 1_003_280));

        assertEquals(ClipAccuracy.FRAME, exact.accuracy());
        assertEquals(Optional.of(new ExactRange(1_000_520, 1_003_280)), exact.exactRange());
    }

    @Test
    void exactRange_emptyOrReversed_isAnInvalidRequest() {
        assertThrows(InvalidRequestException.class, () -> new ExactRange(1_000_500, 1_000_500));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new ExactRange(1_000_500, 1_000_400));
        assertTrue(e.getMessage().contains("cut_from_ms < cut_to_ms"), e.getMessage());
    }

    @Test
    void life_replacesAnExpiration_andSurvivesTheOtherChanges() {
        ClipRequest kept = seconds.withExpiration(2000).withLife(300).withVod(true).withName("Goal")
                .withExactRange(new ExactRange(1_000_520, 1_003_280));

        assertEquals(OptionalLong.of(300), kept.lifeS());
        assertEquals(OptionalLong.empty(), kept.expirationS());
        assertEquals(OptionalLong.empty(), kept.withExpiration(2000).lifeS());
    }

    @Test
    void segmentAccuracy_dropsTheExactRange() {
        ClipRequest exact = seconds.withExactRange(new ExactRange(1_000_520, 1_003_280));

        assertEquals(Optional.empty(), exact.withAccuracy(ClipAccuracy.SEGMENT).exactRange());
        assertEquals(exact.exactRange(), exact.withAccuracy(ClipAccuracy.FRAME).exactRange());
    }
}
