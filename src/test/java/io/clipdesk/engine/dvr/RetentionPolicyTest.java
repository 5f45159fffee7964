package io.clipdesk.engine.dvr;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionPolicyTest {

    private static final LiveStream STREAM = new LiveStream(1, "s", SourceSpec.TEST_SIGNAL, true, 60,
            "abcdefghijkl", 0, Rendition.DEFAULT_LADDER);

    @Test
    void cutoff_keepsExactlyTheDvrDuration() {
        assertEquals(1_000_000 - 60_000, RetentionPolicy.cutoffMs(STREAM, 1_000_000, 24_000));
    }

    @Test
    void cutoff_withDvrDisabled_keepsOnlyTheLiveWindow() {
        assertEquals(1_000_000 - 24_000, RetentionPolicy.cutoffMs(STREAM.withDvr(false, 60), 1_000_000, 24_000));
    }
}
