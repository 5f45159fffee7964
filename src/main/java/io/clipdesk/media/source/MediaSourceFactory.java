package io.clipdesk.media.source;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.stream.LiveSource;
import io.clipdesk.engine.stream.LiveSourceFactory;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.ingest.MediaInput;
import io.clipdesk.media.testsignal.TestSignalSource;

import java.time.Clock;
import java.util.Map;

/** Opens the FFmpeg adapter for a stream's source kind. */
public final class MediaSourceFactory implements LiveSourceFactory {

    private final TestSignalSource.Pacing pacing;
    private final String ingestBind;

    /** Sources in real time, push listeners on every interface. */
    public MediaSourceFactory() {
        this(TestSignalSource.Pacing.REAL_TIME, PushAddress.ANY_INTERFACE);
    }

    /**
     * @param pacing     how the test signal runs; the other sources are paced by their encoder or by the clock
     * @param ingestBind the address push listeners listen on ({@link PushAddress#ANY_INTERFACE} for all)
     */
    public MediaSourceFactory(TestSignalSource.Pacing pacing, String ingestBind) {
        this.pacing = pacing;
        this.ingestBind = ingestBind;
    }

    @Override
    public LiveSource open(LiveStream stream, int segmentDurationMs, Clock clock) {
        return switch (stream.source().kind()) {
            case TEST_SIGNAL -> new TestSignalSource(stream, segmentDurationMs, clock, pacing);
            case HLS_PULL -> new HlsPullSource(stream, segmentDurationMs, clock);
            case RTMP_PUSH, SRT_PUSH -> new PushSource(stream, segmentDurationMs, clock, ingestBind);
            case FILE_LOOP -> new FileLoopSource(stream, segmentDurationMs, clock);
        };
    }

    /** A file must be media with video FFmpeg can read; the other kinds are checked by the engine's rules alone. */
    @Override
    public void check(SourceSpec source) {
        if (source.kind() != SourceKind.FILE_LOOP) {
            return;
        }
        MediaRuntime.warmUp();
        try (MediaInput input = new MediaInput("file " + source.uri(), "file:" + source.uri(), null, Map.of(),
                () -> false)) {
            input.stream(MediaInput.VIDEO); // opened and found video: playable
        } catch (MediaException e) {
            throw new InvalidRequestException("file " + source.uri() + " is not a media file with video that FFmpeg"
                    + " can play (" + e.getMessage().replace("file " + source.uri(), "it") + ")");
        }
    }
}
