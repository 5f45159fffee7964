package io.clipdesk.engine.storage;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.dvr.LiveSegment;

import java.util.Optional;

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
     * {@code /live/{streamId}/{fileName}}: the live edge API.md names by the plain stream id — {@code index.m3u8}
     * and the segments it lists, each only while it is near the edge, so the guessable path never opens the
     * DVR or reveals the stream's media key.
     */
    MediaContent liveEdge(long streamId, String fileName);

    /**
     * (ext) {@code /live/{streamId}_{mediaKey}/{rendition}_next.ts}: the segment the stream is writing now in that
     * rendition, to stream while it grows; empty between segments.
     *
     * @throws NotFoundException for a wrong key or an unknown rendition
     */
    Optional<LiveSegment> liveSegment(String liveKey, String rendition);

    /** The DVR's target segment length in ms (how long a segment being written may take to start). */
    int segmentDurationMs();
}
