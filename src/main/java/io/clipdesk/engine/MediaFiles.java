package io.clipdesk.engine;

/**
 * Resolves media URL paths to content. Names are checked against {@link MediaPaths}; nothing outside the
 * data dir can be reached.
 */
public interface MediaFiles {

    /**
     * {@code /rec/{streamId}/{fileName}}.
     *
     * @throws TooEarlyException before the clip is ready
     * @throws NotFoundException unknown, expired, or a name we never wrote
     */
    MediaContent clip(long streamId, String fileName);

    /** {@code /videos/{pathKey}/{fileName}}; 404 while pending is fine. */
    MediaContent video(String pathKey, String fileName);

    /** {@code /live/{streamId}_{mediaKey}/{fileName}}: live and DVR playlists, segments, thumbnails. */
    MediaContent live(String liveKey, String fileName);

    /**
     * {@code /live/{streamId}/index.m3u8}, the sliding playlist API.md names by stream id; its segment URIs
     * lead into the stream's keyed folder.
     */
    MediaContent liveIndex(long streamId);
}
