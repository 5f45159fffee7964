package io.clipdesk.engine.storage;

import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.stream.LiveStream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media URL paths and the matching file names. A clip's files are stored under the same names the URLs
 * use, so serving is a lookup, never a path join on user input.
 */
public final class MediaPaths {

    /** Names a client may ask for inside a clip, video or live folder. */
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]{1,80}\\.(m3u8|ts|mp4|jpg)");
    private static final Pattern CLIP_FILE = Pattern.compile("rec_([a-z0-9]{12})_[a-z0-9_]+\\.(m3u8|ts|mp4|jpg)");
    private static final Pattern KEYED = Pattern.compile("([0-9]{1,18})_([a-z0-9]{12})");

    private MediaPaths() {
    }

    // ---- clips: /rec/{streamId}/rec_{clipId}_...

    public static String clipMaster(String clipId) {
        return "rec_" + clipId + "_master.m3u8";
    }

    public static String clipPlaylist(String clipId, String rendition) {
        return "rec_" + clipId + "_" + rendition + ".m3u8";
    }

    public static String clipSegment(String clipId, String rendition, int index) {
        return String.format("rec_%s_%s_%05d.ts", clipId, rendition, index);
    }

    public static String clipMp4(String clipId, String rendition) {
        return "rec_" + clipId + "_" + rendition + ".mp4";
    }

    public static String clipMasterMp4(String clipId) {
        return "rec_" + clipId + "_master.mp4";
    }

    public static String clipScreenshot(String clipId) {
        return "rec_" + clipId + "_screenshot.jpg";
    }

    /** A clip's reframe in {@code aspect}: its own media playlist, served beside the clip's files. */
    public static String reframePlaylist(String clipId, ReframeAspect aspect) {
        return "rec_" + clipId + "_reframe_" + aspect.slug() + ".m3u8";
    }

    public static String reframeSegment(String clipId, ReframeAspect aspect, int index) {
        return String.format("rec_%s_reframe_%s_%05d.ts", clipId, aspect.slug(), index);
    }

    public static String reframeMp4(String clipId, ReframeAspect aspect) {
        return "rec_" + clipId + "_reframe_" + aspect.slug() + ".mp4";
    }

    /** Whether a file of a clip's folder belongs to one of its reframes (copied with it into a permanent video). */
    public static boolean isReframeFile(String clipId, String fileName) {
        return fileName.startsWith("rec_" + clipId + "_reframe_");
    }

    public static String clipUrl(long streamId, String fileName) {
        return "/rec/" + streamId + "/" + fileName;
    }

    /** The clip id a requested clip file name belongs to, if the name is one we could have written. */
    public static Optional<String> clipIdOf(String fileName) {
        Matcher m = CLIP_FILE.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ---- permanent videos: /videos/{id}_{key}/...

    public static final String VIDEO_MASTER = "master.m3u8";
    public static final String SCREENSHOT = "screenshot.jpg";

    public static String videoPlaylist(String rendition) {
        return rendition + ".m3u8";
    }

    public static String videoSegment(String rendition, int index) {
        return String.format("%s_%05d.ts", rendition, index);
    }

    public static String videoMp4(String rendition) {
        return rendition + ".mp4";
    }

    public static String videoUrl(String pathKey, String fileName) {
        return "/videos/" + pathKey + "/" + fileName;
    }

    // ---- live: /live/{streamId}_{mediaKey}/...

    /** Sliding playlist of the top rendition: the last few segments. */
    public static final String LIVE_INDEX = "index.m3u8";
    /** Multivariant playlist whose variants carry the whole DVR window. */
    public static final String LIVE_DVR_MASTER = "dvr.m3u8";

    public static String liveDvrPlaylist(String rendition) {
        return rendition + "_dvr.m3u8";
    }

    public static String liveSegment(String rendition, long sequence) {
        return rendition + "_" + sequence + ".ts";
    }

    public static String liveThumbnail(long sequence) {
        return "thumb_" + sequence + ".jpg";
    }

    public static String liveKey(LiveStream stream) {
        return stream.id() + "_" + stream.mediaKey();
    }

    public static String liveUrl(LiveStream stream, String fileName) {
        return "/live/" + liveKey(stream) + "/" + fileName;
    }

    /** Splits "{id}_{key}" as used by live and video URLs. */
    public static Optional<KeyedId> parseKeyed(String segment) {
        Matcher m = KEYED.matcher(segment);
        return m.matches() ? Optional.of(new KeyedId(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    public static boolean isSafeName(String fileName) {
        return fileName != null && SAFE_NAME.matcher(fileName).matches();
    }

    public record KeyedId(long id, String key) {
    }
}
