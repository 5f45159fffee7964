package io.clipdesk.engine.reframe;

import io.clipdesk.engine.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The social shapes a clip is reframed to: 1080 px on the short side (the long side 1080 for a square), at a bitrate
 * the platforms take without re-compressing much (their guides ask 1080-wide H.264 at a few Mbit/s; the figures scale
 * with the picture's area).
 */
public enum ReframeAspect {

    VERTICAL("9:16", 1080, 1920, 6000),
    SQUARE("1:1", 1080, 1080, 4000),
    PORTRAIT("4:5", 1080, 1350, 5000);

    private final String wire;
    private final int width;
    private final int height;
    private final int videoKbps;

    ReframeAspect(String wire, int width, int height, int videoKbps) {
        this.wire = wire;
        this.width = width;
        this.height = height;
        this.videoKbps = videoKbps;
    }

    /** As the API and the desk say it: "9:16", "1:1", "4:5". */
    public String wire() {
        return wire;
    }

    /** In file names: "9x16". */
    public String slug() {
        return wire.replace(':', 'x');
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int videoKbps() {
        return videoKbps;
    }

    /** @throws InvalidRequestException naming the shapes there are */
    public static ReframeAspect parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('x', ':');
        return Arrays.stream(values()).filter(a -> a.wire.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("aspect must be one of " + Arrays.stream(values())
                        .map(a -> "\"" + a.wire + "\"").collect(Collectors.joining(", ")) + ", got \"" + text + "\""));
    }
}
