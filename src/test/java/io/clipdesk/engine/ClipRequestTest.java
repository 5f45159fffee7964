package io.clipdesk.engine;

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
    void exactRange_reachingOutsideTheSeconds_isRejectedWithBoth() {
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> seconds.withExactRange(new ExactRange(999_960, 1_003_000)));
        assertThrows(IllegalArgumentException.class, () -> seconds.withExactRange(new ExactRange(1_000_000, 1_004_040)));
        assertTrue(early.getMessage().contains("999960"), early.getMessage());
    }

    @Test
    void exactRange_emptyOrReversed_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExactRange(1_000_500, 1_000_500));
        assertThrows(IllegalArgumentException.class, () -> new ExactRange(1_000_500, 1_000_400));
    }

    @Test
    void exactRange_withoutFrameAccuracyOrStart_isRejected() {
        Optional<ExactRange> range = Optional.of(new ExactRange(1_000_520, 1_003_280));
        assertThrows(IllegalArgumentException.class, () -> new ClipRequest(1, OptionalLong.of(1000), 4,
                OptionalLong.empty(), false, "", ClipAccuracy.SEGMENT, range));
        assertThrows(IllegalArgumentException.class, () -> new ClipRequest(1, OptionalLong.empty(), 4,
                OptionalLong.empty(), false, "", ClipAccuracy.FRAME, range));
    }

    @Test
    void segmentAccuracy_dropsTheExactRange() {
        ClipRequest exact = seconds.withExactRange(new ExactRange(1_000_520, 1_003_280));

        assertEquals(Optional.empty(), exact.withAccuracy(ClipAccuracy.SEGMENT).exactRange());
        assertEquals(exact.exactRange(), exact.withAccuracy(ClipAccuracy.FRAME).exactRange());
    }
}
