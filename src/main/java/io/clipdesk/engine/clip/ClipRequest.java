package io.clipdesk.engine.clip;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an editor or script asks for, before {@link ClipPolicy} fills the defaults and checks the rules.
 * Omitted {@code startS} means now; omitted {@code expirationS} means {@code lifeS} (default 1 h) after the clip is
 * available; empty name means "Clip HH:MM:SS". {@code exactRange}, only with {@link ClipAccuracy#FRAME} and an
 * explicit start, narrows the cut to ms marks inside the whole-second range (the desk's in/out frames); empty cuts
 * at the whole seconds. {@code lifeS} is the editor's "keep for" choice: counted by the engine from its own now, so
 * a form that took a while to submit is not refused for an expiration that became a few seconds too soon.
 */
public record ClipRequest(
        long streamId,
        OptionalLong startS,
        long durationS,
        OptionalLong expirationS,
        boolean vodRequired,
        String name,
        ClipAccuracy accuracy,
        Optional<ExactRange> exactRange,
        OptionalLong lifeS,
        ClipDescription description) {

    public ClipRequest {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(startS, "startS");
        Objects.requireNonNull(expirationS, "expirationS");
        Objects.requireNonNull(exactRange, "exactRange");
        Objects.requireNonNull(lifeS, "lifeS");
        name = name == null ? "" : name.strip();
        accuracy = accuracy == null ? ClipAccuracy.SEGMENT : accuracy;
    }

    /** A request nobody has described (the editor's title is {@code name}). */
    public ClipRequest(long streamId, OptionalLong startS, long durationS, OptionalLong expirationS,
                       boolean vodRequired, String name, ClipAccuracy accuracy, Optional<ExactRange> exactRange,
                       OptionalLong lifeS) {
        this(streamId, startS, durationS, expirationS, vodRequired, name, accuracy, exactRange, lifeS,
                ClipDescription.EMPTY);
    }

    /** A request whose expiration, if any, is a Unix second (scripts). */
    public ClipRequest(long streamId, OptionalLong startS, long durationS, OptionalLong expirationS,
                       boolean vodRequired, String name, ClipAccuracy accuracy, Optional<ExactRange> exactRange) {
        this(streamId, startS, durationS, expirationS, vodRequired, name, accuracy, exactRange, OptionalLong.empty());
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
        return new ClipRequest(streamId, startS, durationS, OptionalLong.of(newExpirationS), vodRequired, name,
                accuracy, exactRange, OptionalLong.empty(), description);
    }

    /** Lives {@code newLifeS} after the clip is available (the later of now and its end), instead of until a time. */
    public ClipRequest withLife(long newLifeS) {
        return new ClipRequest(streamId, startS, durationS, OptionalLong.empty(), vodRequired, name, accuracy,
                exactRange, OptionalLong.of(newLifeS), description);
    }

    public ClipRequest withVod(boolean newVodRequired) {
        return new ClipRequest(streamId, startS, durationS, expirationS, newVodRequired, name, accuracy, exactRange,
                lifeS, description);
    }

    /** Another accuracy; an exact range only means something to a frame cut, so any other drops it. */
    public ClipRequest withAccuracy(ClipAccuracy newAccuracy) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, newAccuracy,
                newAccuracy == ClipAccuracy.FRAME ? exactRange : Optional.empty(), lifeS, description);
    }

    /** A frame-accurate cut at exactly {@code range}, which must lie inside the whole-second range. */
    public ClipRequest withExactRange(ExactRange range) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, ClipAccuracy.FRAME,
                Optional.of(range), lifeS, description);
    }

    public ClipRequest withName(String newName) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, newName, accuracy, exactRange,
                lifeS, description);
    }

    public ClipRequest withDescription(ClipDescription newDescription) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, accuracy, exactRange,
                lifeS, newDescription);
    }
}
