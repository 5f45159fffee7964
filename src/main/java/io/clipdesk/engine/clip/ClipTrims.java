package io.clipdesk.engine.clip;

import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.DvrGaps;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.storage.DurableFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.video.DefaultVideoLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A clip cut down inside its own media, for when the DVR no longer holds its range: the clip's segments that
 * overlap the trim are linked into a new clip's folder (an exact clip's two ends trimmed to the frame, as
 * {@link ClipEdges} does on the DVR; a segment clip keeps whole segments) and packaged as any clip.
 */
final class ClipTrims {

    private final EngineConfig config;
    private final DefaultVideoLibrary videos;
    private final ClipPackager packager;
    private final ClipEdges edges;

    ClipTrims(EngineConfig config, DefaultVideoLibrary videos, ClipPackager packager, ClipEdges edges) {
        this.config = config;
        this.videos = videos;
        this.packager = packager;
        this.edges = edges;
    }

    /** The ready clip {@code id} made of {@code old}'s media inside {@code range}; not stored yet. */
    Clip cut(Clip old, ExactRange range, String id, long videoId, long nowMs) throws IOException {
        Path from = config.layout().clipDir(old.id());
        Path to = config.layout().clipDir(id);
        Files.createDirectories(to);
        ClipPackager.Names names = ClipPackager.Names.forClip(id);
        boolean exact = old.accuracy() == ClipAccuracy.FRAME;
        List<Rendition> renditions = videos.renditionsOf(old);
        List<Segment> kept = new ArrayList<>();
        for (int r = 0; r < renditions.size(); r++) {
            Rendition rendition = renditions.get(r);
            List<MediaPlaylist.Entry> entries = MediaPlaylist.parse(Files.readString(
                    from.resolve(MediaPaths.clipPlaylist(old.id(), rendition.name())))).entries();
            int index = 0;
            for (int i = 0; i < entries.size(); i++) {
                MediaPlaylist.Entry e = entries.get(i);
                Segment segment = new Segment(old.streamId(), i, e.programDateTimeMs(), e.durationUs(),
                        index > 0 && e.discontinuity());
                if (segment.endMs() <= range.fromMs() || segment.startMs() >= range.toMs()) {
                    continue;
                }
                Path source = from.resolve(e.uri());
                Path target = to.resolve(names.segment().apply(rendition.name(), index));
                Optional<ClipEdges.Window> window = exact
                        ? ClipEdges.window(segment, range.fromMs(), range.toMs()) : Optional.empty();
                Segment delivered = segment;
                if (window.isPresent()) {
                    Optional<SegmentTrimmer.Trimmed> trimmed = edges.trimFile(source, target, window.get(), rendition);
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    long startMs = window.get().fromUs() > 0 ? range.fromMs() : segment.startMs();
                    delivered = new Segment(old.streamId(), i, startMs, trimmed.get().durationUs(),
                            segment.discontinuity() || (index > 0 && trimmed.get().foreignParameterSets()));
                } else {
                    DurableFiles.linkOrCopy(source, target);
                }
                if (r == 0) {
                    kept.add(delivered);
                }
                index++;
            }
        }
        if (kept.isEmpty()) {
            throw new MediaException("the clip holds no frame between " + range.fromMs() + " and " + range.toMs()
                    + " ms");
        }
        Path screenshot = from.resolve(MediaPaths.clipScreenshot(old.id()));
        if (kept.get(0).sequence() == 0 && Files.exists(screenshot)) {
            DurableFiles.linkOrCopy(screenshot, to.resolve(names.screenshot()));
        }
        packager.pack(to, names, renditions, kept);
        long startS = Math.floorDiv(range.fromMs(), 1000);
        int durationS = (int) (Math.floorDiv(range.toMs() + 999, 1000) - startS);
        Segment last = kept.get(kept.size() - 1);
        long cutEndMs = exact ? Math.min(range.toMs(), last.endMs()) : last.endMs();
        return new Clip(id, old.streamId(), old.name(), startS, durationS, old.expirationS(), nowMs, videoId > 0,
                videoId, old.renditions(), ClipStatus.READY, "", kept.get(0).startMs(), cutEndMs, old.accuracy(),
                DvrGaps.clipMissingMs(kept, exact ? range.fromMs() : startS * 1000,
                        exact ? range.toMs() : (startS + durationS) * 1000L, cutEndMs),
                exact ? Optional.of(range) : Optional.empty(), old.description());
    }
}
