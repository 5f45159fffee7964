package io.clipdesk.ui.clips.preview;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.ClipCountdown;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What the preview shows: a clip or a permanent video, its media links, and when it can play. {@code readyAtMs}
 * is the expected ready time while the clip records (0 once ready); {@code expiresAtMs} is 0 for what never
 * expires; {@code blocked} says why it will not play (failed, VOD pending), empty when nothing blocks it.
 * {@code wallStartMs} is the wall-clock time of media position 0 (0 when unknown).
 */
public record PreviewSource(String key, String title, Links links, long wallStartMs, long readyAtMs,
                            long expiresAtMs, String blocked) {

    public static final PreviewSource NONE = new PreviewSource("", "", Links.NONE, 0, 0, 0, "");
    /**
     * A clip this close to its expiration is not loaded, and a loaded one is let go: JavaFX's HLS reader that
     * meets a 404 on its first playlist request right after a successful probe keeps re-requesting the playlist
     * for the life of the JVM, even after dispose() (measured with JavaFX 21.0.5).
     */
    static final long EXPIRY_MARGIN_MS = 3000;
    private static final String DELETED = "This clip was deleted.";
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    public PreviewSource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(blocked, "blocked");
    }

    /** The media of a clip or video; {@code NONE} without an http address. */
    public record Links(String hlsMaster, String mp4Master, List<Rendition> renditions) {
        public static final Links NONE = new Links("", "", List.of());

        public Links {
            renditions = List.copyOf(renditions);
        }
    }

    /** One rung, lowest first in {@link Links#renditions()}. */
    public record Rendition(String name, int height, String hls, String mp4) {
    }

    public static PreviewSource of(Clip clip, MediaLinks links, int segmentDurationMs) {
        String blocked = switch (clip.status()) {
            case FAILED -> "This clip failed: " + clip.error();
            case EXPIRED -> DELETED;
            case RECORDING, READY -> "";
        };
        ClipLifecycle lifecycle = new ClipLifecycle(segmentDurationMs);
        long readyAtMs = clip.status() == ClipStatus.RECORDING ? lifecycle.readyAtMs(clip) : 0;
        return new PreviewSource("clip:" + clip.id(), clip.name(), links.clip(clip), clip.cutStartMs(), readyAtMs,
                lifecycle.expiresAtMs(clip), blocked);
    }

    /** @param wallStartMs the wall-clock time of the video's first frame (its clip's cut start), 0 when unknown */
    public static PreviewSource of(Video video, MediaLinks links, long wallStartMs) {
        String blocked = switch (video.status()) {
            case PENDING -> "VOD pending: the permanent copy is made once its clip is ready.";
            case ERROR -> "VOD error: " + video.error();
            case READY -> "";
        };
        return new PreviewSource("video:" + video.id(), video.name(), links.video(video), wallStartMs, 0, 0, blocked);
    }

    /** The same source once its clip has gone from the engine before its expiration. */
    public PreviewSource deleted() {
        return new PreviewSource(key, title, links, wallStartMs, readyAtMs, expiresAtMs, DELETED);
    }

    public boolean isNone() {
        return key.isEmpty();
    }

    public boolean expiredAt(long nowMs) {
        return expiresAtMs > 0 && nowMs >= expiresAtMs;
    }

    /** Whether the media can be asked for now: the engine answers 200 (not 425 or 404), and will for a while. */
    public boolean playableAt(long nowMs) {
        return !isNone() && blocked.isEmpty() && readyAtMs == 0 && !expiringAt(nowMs) && !links.hlsMaster().isEmpty();
    }

    private boolean expiringAt(long nowMs) {
        return expiresAtMs > 0 && nowMs >= expiresAtMs - EXPIRY_MARGIN_MS;
    }

    /** The URL to play; {@code rendition} empty = the master (HLS: the player picks; MP4: the highest). */
    public String url(PreviewFormat format, String rendition) {
        return links.renditions().stream().filter(r -> r.name().equals(rendition)).findFirst()
                .map(r -> format == PreviewFormat.HLS ? r.hls() : r.mp4())
                .orElse(format == PreviewFormat.HLS ? links.hlsMaster() : links.mp4Master());
    }

    /** What the preview says instead of a picture at {@code nowMs}; empty when it can play. */
    public String messageAt(long nowMs, ZoneId zone) {
        if (isNone()) {
            return "Select a clip or a video to preview it.";
        }
        if (expiredAt(nowMs)) {
            return "Expired at " + time(expiresAtMs, zone) + ": its media is gone.";
        }
        if (!blocked.isEmpty()) {
            return blocked;
        }
        if (expiringAt(nowMs)) {
            return "Expires at " + time(expiresAtMs, zone) + ".";
        }
        if (readyAtMs > 0) {
            return nowMs < readyAtMs
                    ? "Recording: ready at " + time(readyAtMs, zone) + " (in " + ClipCountdown.span(readyAtMs - nowMs) + ")."
                    : "Finishing: ready in a moment.";
        }
        if (links.hlsMaster().isEmpty()) {
            return "Previews need the engine's HTTP address.";
        }
        return "";
    }

    private static String time(long ms, ZoneId zone) {
        return HMS.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
