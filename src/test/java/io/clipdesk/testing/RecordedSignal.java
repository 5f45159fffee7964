package io.clipdesk.testing;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.testsignal.TestSignalRecorder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Real test-signal segments for the player's tests, recorded once per test class: one rendition (360p), from a whole
 * second, so with whole-second segments each one starts with the beep and the flash.
 */
public final class RecordedSignal {

    public static final Rendition RENDITION = Rendition.DEFAULT_LADDER.get(0);

    private RecordedSignal() {
    }

    /** {@code count} segments of {@code segmentMs} each, written into {@code dir}. */
    public static List<SegmentDraft> record(Path dir, int segmentMs, int count) {
        LiveStream stream = new LiveStream(1, "Recorded signal", SourceSpec.TEST_SIGNAL, true, 3600, "abcdefabcdef", 0,
                List.of(RENDITION));
        Clock start = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        return TestSignalRecorder.record(stream, segmentMs, count, start, dir).segments();
    }

    /** The file of segment {@code draft} in the recorded rendition. */
    public static Path file(SegmentDraft draft) {
        return draft.renditionFiles().get(RENDITION.name());
    }
}
