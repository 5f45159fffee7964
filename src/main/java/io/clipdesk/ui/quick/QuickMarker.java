package io.clipdesk.ui.quick;

import io.clipdesk.engine.clip.ClipDescription;

import java.util.List;
import java.util.Objects;

/**
 * A one-key clip (F1–F8): a label that goes into the clip's name and tags, and how much to keep before and after the
 * playhead.
 */
public record QuickMarker(String label, int preRollS, int postRollS) {

    public static final int MAX_MARKERS = 8;

    public static final List<QuickMarker> PRESETS = List.of(
            new QuickMarker("Goal", 20, 10),
            new QuickMarker("Card", 10, 5),
            new QuickMarker("Quote", 5, 15),
            new QuickMarker("Save", 10, 5),
            new QuickMarker("Chance", 10, 5),
            new QuickMarker("Foul", 10, 5),
            new QuickMarker("Replay", 5, 10),
            new QuickMarker("Highlight", 15, 15));

    public QuickMarker {
        Objects.requireNonNull(label, "label");
        label = label.strip();
        if (label.isEmpty()) {
            throw new IllegalArgumentException("a quick marker needs a label");
        }
        label = ClipDescription.tag(label); // it becomes the clip's tag, so it follows the tag rule
        if (preRollS < 0 || postRollS < 0 || preRollS + postRollS < 1) {
            throw new IllegalArgumentException("pre and post roll are whole seconds, together at least 1");
        }
    }

    public QuickMarker withLabel(String newLabel) {
        return new QuickMarker(newLabel, preRollS, postRollS);
    }

    public QuickMarker withRolls(int newPreRollS, int newPostRollS) {
        return new QuickMarker(label, newPreRollS, newPostRollS);
    }
}
