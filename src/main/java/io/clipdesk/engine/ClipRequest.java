package io.clipdesk.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an editor or script asks for, before {@link ClipPolicy} fills the defaults and checks the rules.
 * Omitted {@code startS} means now; omitted {@code expirationS} means start + duration + 1 h; empty name
 * means "Clip HH:MM:SS". {@code exactRange}, only with {@link ClipAccuracy#FRAME} and an explicit start, narrows
 * the cut to ms marks inside the whole-second range (the desk's in/out frames); empty cuts at the whole seconds.
 */
public record ClipRequest(
        long streamId,
        OptionalLong startS,
        long durationS,
        OptionalLong expirationS,
        boolean vodRequired,
        String name,
        ClipAccuracy accuracy,
        Optional<ExactRange> exactRange) {

    public ClipRequest {
        Objects.requireNonNull(startS, "startS");
        Objects.requireNonNull(expirationS, "expirationS");
        Objects.requireNonNull(exactRange, "exactRange");
        name = name == null ? "" : name.strip();
        accuracy = accuracy == null ? ClipAccuracy.SEGMENT : accuracy;
        if (exactRange.isPresent()) {
            ExactRange range = exactRange.get();
            if (accuracy != ClipAccuracy.FRAME) {
                throw new IllegalArgumentException("an exact range needs frame accuracy, not " + accuracy);
            }
            if (startS.isEmpty() || !range.within(startS.getAsLong(), durationS)) {
                throw new IllegalArgumentException("exact range " + range.fromMs() + "–" + range.toMs()
                        + " ms must lie inside start + duration " + startS + " + " + durationS + " s");
            }
        }
    }

    /** A request without an exact range (scripts, whole seconds). */
    public ClipRequest(long streamId, OptionalLong startS, long durationS, OptionalLong expirationS,
                       boolean vodRequired, String name, ClipAccuracy accuracy) {
        this(streamId, startS, durationS, expirationS, vodRequired, name, accuracy, Optional.empty());
    }

    public static ClipRequest of(long streamId, long startS, long durationS) {
        return new ClipRequest(streamId, OptionalLong.of(startS), durationS, OptionalLong.empty(), false, "",
                ClipAccuracy.SEGMENT);
    }

    public ClipRequest withExpiration(long newExpirationS) {
        return new ClipRequest(streamId, startS, durationS, OptionalLong.of(newExpirationS), vodRequired, name, accuracy,
                exactRange);
    }

    public ClipRequest withVod(boolean newVodRequired) {
        return new ClipRequest(streamId, startS, durationS, expirationS, newVodRequired, name, accuracy, exactRange);
    }

    /** Another accuracy; an exact range only means something to a frame cut, so any other drops it. */
    public ClipRequest withAccuracy(ClipAccuracy newAccuracy) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, newAccuracy,
                newAccuracy == ClipAccuracy.FRAME ? exactRange : Optional.empty());
    }

    /** A frame-accurate cut at exactly {@code range}, which must lie inside the whole-second range. */
    public ClipRequest withExactRange(ExactRange range) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, ClipAccuracy.FRAME,
                Optional.of(range));
    }

    public ClipRequest withName(String newName) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, newName, accuracy, exactRange);
    }
}
