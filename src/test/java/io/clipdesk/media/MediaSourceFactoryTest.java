package io.clipdesk.media;

import io.clipdesk.engine.LiveStream;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.Rendition;
import io.clipdesk.engine.SourceKind;
import io.clipdesk.engine.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.*;

class MediaSourceFactoryTest {

    private final MediaSourceFactory factory = new MediaSourceFactory();

    @Test
    void open_testSignal_givesTheTestSignalSource() {
        try (var source = factory.open(stream(SourceSpec.TEST_SIGNAL), 2000, Clock.systemUTC())) {
            assertInstanceOf(TestSignalSource.class, source);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SourceKind.class, names = "TEST_SIGNAL", mode = EnumSource.Mode.EXCLUDE)
    void open_otherKinds_areNotSupportedYet(SourceKind kind) {
        var e = assertThrows(MediaException.class,
                () -> factory.open(stream(new SourceSpec(kind, "rtmp://example/live")), 2000, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
    }

    @Test
    void open_segmentNotAWholeNumberOfFrames_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> factory.open(stream(SourceSpec.TEST_SIGNAL), 1010, Clock.systemUTC()));
    }

    private static LiveStream stream(SourceSpec source) {
        return new LiveStream(3, "Factory", source, true, 3600, "abcdefabcdef", 0, Rendition.DEFAULT_LADDER);
    }
}
