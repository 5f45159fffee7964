package io.clipdesk.store;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import java.util.List;

/** Records with every field set to something distinguishable, for round trips. */
final class StoreSamples {

    static final long T0_MS = 1_716_559_200_000L;

    private StoreSamples() {
    }

    static LiveStream stream(String mediaKey) {
        return new LiveStream(0, "Studio A", SourceSpec.TEST_SIGNAL, true, 3600, mediaKey, T0_MS,
                Rendition.DEFAULT_LADDER);
    }

    static Clip clip(String id, long streamId, long startS) {
        return new Clip(id, streamId, "goal " + id, startS, 30, startS + 86_400, T0_MS, false, 0,
                List.of("media_1_360", "media_2_720"), ClipStatus.RECORDING, "", 0, 0, ClipAccuracy.SEGMENT);
    }

    static Video video(String mediaKey, String clipId) {
        return new Video(0, mediaKey, 7, clipId, "goal", VideoStatus.PENDING, "", 0, T0_MS,
                List.of("media_1_360"));
    }
}
