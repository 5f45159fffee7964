package io.clipdesk.engine.clip;

import io.clipdesk.engine.RandomKeys;
import io.clipdesk.engine.dvr.DvrGaps;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instant clip. {@code startS}, {@code durationS}, {@code expirationS} are what the editor asked for
 * (Unix seconds); {@code cutStartMs}/{@code cutEndMs} the media range actually delivered (segment
 * aligned, or the requested range itself for {@link ClipAccuracy#FRAME}; 0 until known); {@code gapMs} the
 * wall-clock time inside the asked range ({@link #fromMs()}–{@link #toMs()}) without media, wherever it lies — holes
 * inside the cut and an outage at either edge ({@link DvrGaps#clipMissingMs}; 0 until ready, and for a seamless
 * clip). {@code videoId} is 0 when no permanent video was
 * asked for. {@code exactRange} is the ms range a frame clip was asked to cut at instead of its whole seconds
 * ({@link ClipPolicy} made sure it fits them). When the DVR held less than was asked for, {@code startS} and
 * {@code durationS} are the part it held (Gcore: "less than the specified value if there is less data in the DVR").
 */
public record Clip(
        String id,
        long streamId,
        String name,
        long startS,
        int durationS,
        long expirationS,
        long createdAtMs,
        boolean vodRequired,
        long videoId,
        List<String> renditions,
        ClipStatus status,
        String error,
        long cutStartMs,
        long cutEndMs,
        ClipAccuracy accuracy,
        long gapMs,
        Optional<ExactRange> exactRange,
        ClipDescription description) {

    public Clip {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exactRange, "exactRange");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(accuracy, "accuracy");
        renditions = List.copyOf(renditions);
        error = error == null ? "" : error;
        if (!RandomKeys.isValid(id)) {
            throw new IllegalArgumentException("clip id must be 12 characters [a-z0-9]");
        }
        if (gapMs < 0) {
            throw new IllegalArgumentException("gapMs must be >= 0, got " + gapMs);
        }
    }

    /** A clip nobody has described yet. */
    public Clip(String id, long streamId, String name, long startS, int durationS, long expirationS, long createdAtMs,
                boolean vodRequired, long videoId, List<String> renditions, ClipStatus status, String error,
                long cutStartMs, long cutEndMs, ClipAccuracy accuracy, long gapMs, Optional<ExactRange> exactRange) {
        this(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId, renditions,
                status, error, cutStartMs, cutEndMs, accuracy, gapMs, exactRange, ClipDescription.EMPTY);
    }

    /** A clip cut at its whole seconds (or on segments). */
    public Clip(String id, long streamId, String name, long startS, int durationS, long expirationS, long createdAtMs,
                boolean vodRequired, long videoId, List<String> renditions, ClipStatus status, String error,
                long cutStartMs, long cutEndMs, ClipAccuracy accuracy, long gapMs) {
        this(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId, renditions,
                status, error, cutStartMs, cutEndMs, accuracy, gapMs, Optional.empty());
    }

    /** A clip whose media range is not known yet, so nothing is known missing (new clips, tests). */
    public Clip(String id, long streamId, String name, long startS, int durationS, long expirationS, long createdAtMs,
                boolean vodRequired, long videoId, List<String> renditions, ClipStatus status, String error,
                long cutStartMs, long cutEndMs, ClipAccuracy accuracy) {
        this(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId, renditions,
                status, error, cutStartMs, cutEndMs, accuracy, 0);
    }

    /** Where the media to deliver starts, in wall-clock ms: the exact range's start, else the whole second. */
    public long fromMs() {
        return exactRange.map(ExactRange::fromMs).orElse(startS * 1000);
    }

    /** Where the media to deliver ends, in wall-clock ms. */
    public long toMs() {
        return exactRange.map(ExactRange::toMs).orElse(endS() * 1000);
    }

    /** The wall-clock second at which the requested range is complete. */
    public long endS() {
        return startS + durationS;
    }

    public boolean hasVideo() {
        return videoId > 0;
    }

    public Clip withStatus(ClipStatus newStatus, String newError) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId,
                renditions, newStatus, newError, cutStartMs, cutEndMs, accuracy, gapMs, exactRange,
                description);
    }

    public Clip withVideo(long newVideoId) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, newVideoId > 0, newVideoId,
                renditions, status, error, cutStartMs, cutEndMs, accuracy, gapMs, exactRange,
                description);
    }

    /** The delivered range and what is missing inside it. */
    public Clip withCut(long newCutStartMs, long newCutEndMs, long newGapMs) {
        return new Clip(id, streamId, name, startS, durationS, expirationS, createdAtMs, vodRequired, videoId,
                renditions, status, error, newCutStartMs, newCutEndMs, accuracy, newGapMs, exactRange,
                description);
    }

    /** Another title and description; the title has {@link ClipPolicy}'s name rule. */
    public Clip withDescription(String newName, ClipDescription newDescription) {
        return new Clip(id, streamId, newName, startS, durationS, expirationS, createdAtMs, vodRequired, videoId,
                renditions, status, error, cutStartMs, cutEndMs, accuracy, gapMs, exactRange, newDescription);
    }

    /** Whether media is missing inside the clip's range ({@link DvrGaps#clipMissingMs}). */
    public boolean crossesGap() {
        return gapMs > 0;
    }

    /**
     * How long the clip's media (its MP4) is once cut: the delivered cut less the holes inside it, which are the
     * gap less what it counts at the edges of the asked range. 0 until cut.
     */
    public long mediaMs() {
        if (cutEndMs <= cutStartMs) {
            return 0;
        }
        long insideMs = gapMs - DvrGaps.edgeMs(fromMs(), toMs(), cutStartMs, cutEndMs);
        return cutEndMs - cutStartMs - Math.max(0, insideMs);
    }
}
