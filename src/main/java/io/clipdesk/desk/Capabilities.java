package io.clipdesk.desk;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a backend cannot do, each with the sentence the desk shows where the control is greyed out. A plain
 * Gcore-compatible server lacks Clipdesk's (ext) routes and fields; the embedded engine can do everything.
 */
public final class Capabilities {

    /** The desk's features that some backends lack. */
    public enum Feature {
        /** Add, edit and remove streams. */
        EDIT_STREAMS,
        /** Segment thumbnails on the timeline. */
        THUMBNAILS,
        /** The DVR's sound drawn under the timeline. */
        WAVEFORM,
        /** Frame-exact cuts at the marks (ext cut_from_ms / cut_to_ms). */
        EXACT_CUT,
        /** Keep an existing clip as a permanent video afterwards. */
        KEEP_LATER,
        /** Title, tags and description of a clip (ext PATCH). */
        DESCRIBE,
        /** The engine's disk figures in the status bar. */
        DISK,
        /** Clip files on this machine: save from disk, show in the file manager. */
        LOCAL_FILES,
        /** Adjust a clip's in/out afterwards, or trim it inside its own media (ext …/adjust, …/trim). */
        ADJUST,
        /** Social versions of a clip, 9:16, 1:1 and 4:5 (ext …/reframes). */
        REFRAME,
        /**
         * Send clips to watch folders and HTTP endpoints, with receipts: the embedded engine's; a remote server has
         * no delivery API (yet), so a desk on one says so where "Send to…" is.
         */
        DELIVER
    }

    public static final Capabilities ALL = new Capabilities(Map.of());

    private final Map<Feature, String> missing;

    private Capabilities(Map<Feature, String> missing) {
        this.missing = missing.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(missing));
    }

    /** This backend without {@code feature}, for {@code reason} (one sentence the editor reads). */
    public Capabilities without(Feature feature, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a missing feature needs its reason");
        }
        Map<Feature, String> next = new EnumMap<>(Feature.class);
        next.putAll(missing);
        next.put(feature, reason.strip());
        return new Capabilities(next);
    }

    public boolean can(Feature feature) {
        return !missing.containsKey(feature);
    }

    /** Why the backend cannot do {@code feature}; empty when it can. */
    public Optional<String> whyNot(Feature feature) {
        return Optional.ofNullable(missing.get(feature));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities other && other.missing.equals(missing);
    }

    @Override
    public int hashCode() {
        return missing.hashCode();
    }

    @Override
    public String toString() {
        return missing.isEmpty() ? "all features" : "without " + missing.keySet();
    }
}
