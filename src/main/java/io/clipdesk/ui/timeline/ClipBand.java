package io.clipdesk.ui.timeline;

import java.util.Objects;

/** A clip drawn on the timeline: its requested range and a label; {@code ready} once its media is complete. */
public record ClipBand(String clipId, String label, long startMs, long endMs, boolean ready) {

    public ClipBand {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(label, "label");
        if (endMs < startMs) {
            throw new IllegalArgumentException("a clip band ends after it starts");
        }
    }
}
