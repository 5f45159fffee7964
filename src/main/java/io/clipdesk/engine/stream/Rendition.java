package io.clipdesk.engine.stream;

import java.util.List;
import java.util.regex.Pattern;

/** One encoded ladder rung of a stream. {@code name} follows Gcore's {@code media_{n}_{height}}. */
public record Rendition(String name, int width, int height, int videoKbps) {

    /** AAC audio rides in every rendition at this rate (BANDWIDTH and disk estimates count it). */
    public static final int AUDIO_KBPS = 128;

    private static final Pattern NAME = Pattern.compile("media_[0-9]+_[0-9]+");

    /** The test signal's ladder, lowest first (the order Gcore lists renditions in). */
    public static final List<Rendition> DEFAULT_LADDER = List.of(
            new Rendition("media_1_360", 640, 360, 800),
            new Rendition("media_2_720", 1280, 720, 2500));

    public Rendition {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rendition name must look like media_1_360, got " + name);
        }
        if (width <= 0 || height <= 0 || videoKbps <= 0) {
            throw new IllegalArgumentException("rendition size and bitrate must be positive");
        }
    }

    public static Rendition named(int index, int width, int height, int videoKbps) {
        return new Rendition("media_" + index + "_" + height, width, height, videoKbps);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
