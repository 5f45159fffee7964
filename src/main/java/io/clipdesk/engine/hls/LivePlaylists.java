package io.clipdesk.engine.hls;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;

import java.util.List;

/** Builds a stream's live playlists from the DVR index on request. */
public final class LivePlaylists {

    private LivePlaylists() {
    }

    /** A sliding (no ENDLIST) playlist of {@code segments} of one rendition; URIs are relative to the live folder. */
    public static String media(String rendition, List<Segment> segments) {
        List<MediaPlaylist.Entry> entries = segments.stream()
                .map(s -> new MediaPlaylist.Entry(MediaPaths.liveSegment(rendition, s.sequence()), s.durationUs(),
                        s.startMs(), s.discontinuity()))
                .toList();
        long firstSequence = segments.isEmpty() ? 0 : segments.get(0).sequence();
        return MediaPlaylist.live(firstSequence, entries).write();
    }

    public static String dvrMaster(LiveStream stream) {
        return new MultivariantPlaylist(stream.renditions().stream()
                .map(r -> new MultivariantPlaylist.Variant(MediaPaths.liveDvrPlaylist(r.name()),
                        (r.videoKbps() + 128) * 1100L, r.width(), r.height(), 0))
                .toList()).write();
    }
}
