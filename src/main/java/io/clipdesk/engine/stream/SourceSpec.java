package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import java.util.Objects;

/**
 * What to ingest. {@code uri} is the pull URL, the file path, or for push sources the stream key /
 * passphrase as the encoder will present it; empty for the test signal.
 */
public record SourceSpec(SourceKind kind, String uri) {

    public static final SourceSpec TEST_SIGNAL = new SourceSpec(SourceKind.TEST_SIGNAL, "");

    public SourceSpec {
        Objects.requireNonNull(kind, "kind");
        uri = uri == null ? "" : uri.strip();
        if (kind != SourceKind.TEST_SIGNAL && uri.isEmpty()) {
            throw new InvalidRequestException(kind + " needs a URL, file or key");
        }
    }
}
