package io.clipdesk.engine;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What an editor or script asks for, before {@link ClipPolicy} fills the defaults and checks the rules.
 * Omitted {@code startS} means now; omitted {@code expirationS} means start + duration + 1 h; empty name
 * means "Clip HH:MM:SS".
 */
public record ClipRequest(
        long streamId,
        OptionalLong startS,
        long durationS,
        OptionalLong expirationS,
        boolean vodRequired,
        String name,
        ClipAccuracy accuracy) {

    public ClipRequest {
        Objects.requireNonNull(startS, "startS");
        Objects.requireNonNull(expirationS, "expirationS");
        name = name == null ? "" : name.strip();
        accuracy = accuracy == null ? ClipAccuracy.SEGMENT : accuracy;
    }

    public static ClipRequest of(long streamId, long startS, long durationS) {
        return new ClipRequest(streamId, OptionalLong.of(startS), durationS, OptionalLong.empty(), false, "",
                ClipAccuracy.SEGMENT);
    }

    public ClipRequest withExpiration(long newExpirationS) {
        return new ClipRequest(streamId, startS, durationS, OptionalLong.of(newExpirationS), vodRequired, name, accuracy);
    }

    public ClipRequest withVod(boolean newVodRequired) {
        return new ClipRequest(streamId, startS, durationS, expirationS, newVodRequired, name, accuracy);
    }

    public ClipRequest withAccuracy(ClipAccuracy newAccuracy) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, name, newAccuracy);
    }

    public ClipRequest withName(String newName) {
        return new ClipRequest(streamId, startS, durationS, expirationS, vodRequired, newName, accuracy);
    }
}
