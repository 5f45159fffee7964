package io.clipdesk.api.http;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.dvr.Segment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 4xx is decided by the exception's type alone: an engine's own IllegalArgumentException is a bug, so a 500. */
class ErrorMapperTest {

    @Test
    void invalidRequest_from_anEngineValue_is400() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new ExactRange(5, 5));
        assertEquals(400, ErrorMapper.statusOf(e));
    }

    @Test
    void clipRules_are400_exceptDvrDisabled_422() {
        assertEquals(400, ErrorMapper.statusOf(new ClipRejectedException(ClipRejectedException.Rule.EXPIRATION, "x")));
        assertEquals(422, ErrorMapper.statusOf(new ClipRejectedException(ClipRejectedException.Rule.DVR_DISABLED,
                "x")));
    }

    @Test
    void plainIllegalArgument_thrownInsideTheEngine_is500() {
        IllegalArgumentException bug = assertThrows(IllegalArgumentException.class,
                () -> new Segment(1, -1, 0, 1000, false));
        assertEquals(500, ErrorMapper.statusOf(bug));
    }
}
