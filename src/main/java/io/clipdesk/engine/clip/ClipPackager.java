package io.clipdesk.engine.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.hls.MultivariantPlaylist;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.Rendition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a folder of copied segments into the deliverables: one VOD playlist per rendition, a multivariant
 * playlist, and an MP4 per rendition (packet copy). Shared by clips and permanent videos, which differ only in
 * file names.
 */
public final class ClipPackager {

    private final Remuxer remuxer;

    public ClipPackager(Remuxer remuxer) {
        this.remuxer = remuxer;
    }

    /** File names of one package (a clip's or a video's). */
    public record Names(BiFunction<String, Integer, String> segment,
                 java.util.function.Function<String, String> playlist,
                 java.util.function.Function<String, String> mp4,
                 String master,
                 String masterMp4,
                 String screenshot) {

        static Names forClip(String clipId) {
            return new Names((r, i) -> MediaPaths.clipSegment(clipId, r, i), r -> MediaPaths.clipPlaylist(clipId, r),
                    r -> MediaPaths.clipMp4(clipId, r), MediaPaths.clipMaster(clipId), MediaPaths.clipMasterMp4(clipId),
                    MediaPaths.clipScreenshot(clipId));
        }

        public static Names forVideo() {
            return new Names(MediaPaths::videoSegment, MediaPaths::videoPlaylist, MediaPaths::videoMp4,
                    MediaPaths.VIDEO_MASTER, null, null);
        }
    }

    /**
     * Writes playlists and MP4s for segments already linked into {@code folder} under {@code names.segment}; all
     * of it is durable when this returns.
     *
     * @return the MP4 duration of the top rendition in µs
     */
    public long pack(Path folder, Names names, List<Rendition> renditions, List<Segment> segments) throws IOException {
        if (segments.isEmpty()) {
            throw new MediaException("no media to package");
        }
        long durationUs = 0;
        Rendition top = renditions.stream().max((a, b) -> Integer.compare(a.height(), b.height())).orElseThrow();
        List<MultivariantPlaylist.Variant> variants = new ArrayList<>();
        for (Rendition rendition : renditions) {
            List<MediaPlaylist.Entry> entries = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                String uri = names.segment().apply(rendition.name(), i);
                entries.add(new MediaPlaylist.Entry(uri, s.durationUs(), s.startMs(), i > 0 && s.discontinuity()));
                files.add(folder.resolve(uri));
            }
            Remuxer.RemuxResult mp4 = remuxer.toMp4(files, folder.resolve(names.mp4().apply(rendition.name())));
            if (rendition.equals(top)) {
                durationUs = mp4.durationUs();
            }
            DurableFiles.writeStringUnsyncedRename(folder.resolve(names.playlist().apply(rendition.name())),
                    MediaPlaylist.vod(entries).write());
            variants.add(new MultivariantPlaylist.Variant(names.playlist().apply(rendition.name()),
                    (rendition.videoKbps() + Rendition.AUDIO_KBPS) * 1100L, rendition.width(), rendition.height(), 0));
        }
        if (names.masterMp4() != null) {
            DurableFiles.linkOrCopy(folder.resolve(names.mp4().apply(top.name())), folder.resolve(names.masterMp4()));
        }
        DurableFiles.writeStringUnsyncedRename(folder.resolve(names.master()),
                new MultivariantPlaylist(variants).write());
        // Every file above is fsynced under its temp name; one folder fsync makes all renames and the segment
        // links durable before the caller records the package as ready.
        DurableFiles.syncFolder(folder);
        return durationUs;
    }

    /** Links one DVR segment of every rendition into {@code folder} as the package's segment {@code index}. */
    static void linkSegment(DataLayout layout, Path folder, Names names, List<Rendition> renditions,
                            Segment segment, int index) throws IOException {
        Files.createDirectories(folder);
        for (Rendition rendition : renditions) {
            DurableFiles.linkOrCopy(layout.dvrSegment(segment.streamId(), rendition.name(), segment.sequence()),
                    folder.resolve(names.segment().apply(rendition.name(), index)));
        }
        linkScreenshot(layout, folder, names, segment, index);
    }

    /** The package's screenshot is the thumbnail of its first segment. */
    static void linkScreenshot(DataLayout layout, Path folder, Names names, Segment segment, int index)
            throws IOException {
        Path thumbnail = layout.thumbnail(segment.streamId(), segment.sequence());
        if (index == 0 && names.screenshot() != null && Files.exists(thumbnail)) {
            DurableFiles.linkOrCopy(thumbnail, folder.resolve(names.screenshot()));
        }
    }
}
