package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

/** What a stream's own fields must be (its source has {@link SourceRules}); a broken rule is a 4xx sentence. */
final class StreamRules {

    private static final int MAX_NAME_LENGTH = 255;

    private StreamRules() {
    }

    /** The name as kept (stripped), or a refusal that says why. */
    static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException("name must not be empty");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("name is " + stripped.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " allowed");
        }
        return stripped;
    }

    static void checkDvrDuration(int dvrDurationS) {
        if (dvrDurationS < LiveStream.MIN_DVR_DURATION_S || dvrDurationS > LiveStream.MAX_DVR_DURATION_S) {
            throw new InvalidRequestException("dvr_duration " + dvrDurationS + " s is outside the allowed range "
                    + LiveStream.MIN_DVR_DURATION_S + "–" + LiveStream.MAX_DVR_DURATION_S + " s");
        }
    }

    /** A push source changed without a port keeps the port it had. */
    static SourceSpec keepPort(SourceSpec wanted, SourceSpec current) {
        if (wanted.kind() != current.kind()) {
            return wanted;
        }
        try {
            var address = PushAddress.of(wanted);
            var old = PushAddress.of(current);
            if (address.isPresent() && old.isPresent() && address.get().port() == 0) {
                return address.get().withPort(old.get().port()).spec();
            }
        } catch (IllegalArgumentException e) {
            // SourceRules says what is wrong with it.
        }
        return wanted;
    }
}
