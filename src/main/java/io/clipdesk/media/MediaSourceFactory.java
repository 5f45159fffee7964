package io.clipdesk.media;

import io.clipdesk.engine.LiveSource;
import io.clipdesk.engine.LiveSourceFactory;
import io.clipdesk.engine.LiveStream;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.SourceKind;

import java.time.Clock;

/** Opens the FFmpeg adapter for a stream's source kind. Only the test signal exists so far. */
public final class MediaSourceFactory implements LiveSourceFactory {

    private final TestSignalSource.Pacing pacing;

    /** The app's factory: sources run in real time. */
    public MediaSourceFactory() {
        this(TestSignalSource.Pacing.REAL_TIME);
    }

    public MediaSourceFactory(TestSignalSource.Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public LiveSource open(LiveStream stream, int segmentDurationMs, Clock clock) {
        SourceKind kind = stream.source().kind();
        if (kind != SourceKind.TEST_SIGNAL) {
            throw new MediaException(kind + " sources are not supported yet (stream " + stream.id() + ")");
        }
        return new TestSignalSource(stream, segmentDurationMs, clock, pacing);
    }
}
