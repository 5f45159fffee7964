package io.clipdesk.engine.storage;

import java.nio.file.Path;

/**
 * What a media URL resolves to: a stored file or a playlist generated on the spot. {@code immutable}
 * tells the HTTP layer a CDN may cache it for long (finished clip and video media), never live playlists.
 */
public sealed interface MediaContent {

    String contentType();

    boolean immutable();

    String HLS = "application/vnd.apple.mpegurl";
    String TS = "video/mp2t";
    String MP4 = "video/mp4";
    String JPEG = "image/jpeg";

    /** @param validUntilMs until when (epoch ms) this answer holds: a clip's expiry, else forever */
    record FileContent(Path path, String contentType, boolean immutable, long validUntilMs) implements MediaContent {

        public FileContent(Path path, String contentType, boolean immutable) {
            this(path, contentType, immutable, Long.MAX_VALUE);
        }
    }

    record TextContent(String text, String contentType, boolean immutable) implements MediaContent {
    }

    static String typeOf(String fileName) {
        if (fileName.endsWith(".m3u8")) {
            return HLS;
        }
        if (fileName.endsWith(".ts")) {
            return TS;
        }
        if (fileName.endsWith(".mp4")) {
            return MP4;
        }
        if (fileName.endsWith(".jpg")) {
            return JPEG;
        }
        return "application/octet-stream";
    }
}
