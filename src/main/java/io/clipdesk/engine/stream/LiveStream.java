package io.clipdesk.engine.stream;

import java.util.List;
import java.util.Objects;

/**
 * A configured live stream. {@code mediaKey} is the unguessable part of its media URLs (and the push
 * stream key); {@code id} is 0 until the repository assigns one.
 */
public record LiveStream(
        long id,
        String name,
        SourceSpec source,
        boolean dvrEnabled,
        int dvrDurationS,
        String mediaKey,
        long createdAtMs,
        List<Rendition> renditions) {

    public static final int DEFAULT_DVR_DURATION_S = 3600;
    public static final int MIN_DVR_DURATION_S = 30;
    public static final int MAX_DVR_DURATION_S = 14400;

    public LiveStream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mediaKey, "mediaKey");
        renditions = List.copyOf(renditions);
        if (dvrDurationS < MIN_DVR_DURATION_S || dvrDurationS > MAX_DVR_DURATION_S) {
            throw new IllegalArgumentException("dvr_duration must be between " + MIN_DVR_DURATION_S
                    + " and " + MAX_DVR_DURATION_S + " s, got " + dvrDurationS);
        }
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one rendition");
        }
    }

    public LiveStream withId(long newId) {
        return new LiveStream(newId, name, source, dvrEnabled, dvrDurationS, mediaKey, createdAtMs, renditions);
    }

    public LiveStream withName(String newName) {
        return new LiveStream(id, newName, source, dvrEnabled, dvrDurationS, mediaKey, createdAtMs, renditions);
    }

    public LiveStream withDvr(boolean enabled, int durationS) {
        return new LiveStream(id, name, source, enabled, durationS, mediaKey, createdAtMs, renditions);
    }

    public LiveStream withSource(SourceSpec newSource, List<Rendition> newRenditions) {
        return new LiveStream(id, name, newSource, dvrEnabled, dvrDurationS, mediaKey, createdAtMs, newRenditions);
    }

    /** The highest rendition, which the MP4 master and the live edge use. */
    public Rendition topRendition() {
        return renditions.stream().max((a, b) -> Integer.compare(a.height(), b.height())).orElseThrow();
    }
}
