package io.clipdesk.engine.stream;

import java.util.Optional;
import java.util.OptionalInt;

/** A change to a stream; empty fields stay as they are. */
public record StreamPatch(Optional<String> name, Optional<Boolean> dvrEnabled, OptionalInt dvrDurationS,
                          Optional<SourceSpec> source) {

    public static final StreamPatch NONE = new StreamPatch(Optional.empty(), Optional.empty(), OptionalInt.empty(),
            Optional.empty());
}
