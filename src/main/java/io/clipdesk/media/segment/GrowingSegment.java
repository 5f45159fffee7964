package io.clipdesk.media.segment;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.Rendition;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment a source is writing now, in every rendition of its ladder, for players at the live edge: each
 * rendition is muxed packet by packet into a {@link LiveSegment} (through a {@link GrowingTsWriter}) that the sink
 * is told of at {@link #begin}, and {@link #finish} writes those same bytes as the segment's files. Every source
 * kind writes its segments this way (the test signal, and each ingest session of a pushed, pulled or looped
 * source), so a player at the live edge reads them all alike. The sink's DVR, not this class, decides when a
 * reader may hand over to the indexed segment. Closed unfinished (the source stopped or failed), the live
 * segments are abandoned so no reader waits for them. One owner thread.
 */
public final class GrowingSegment implements AutoCloseable {

    private final List<Rendition> renditions;
    private final List<LiveSegment> lives;
    private final List<GrowingTsWriter> writers = new ArrayList<>();
    private boolean finished;

    private GrowingSegment(long streamId, List<Rendition> renditions, long startMs,
                           List<TsSegmentWriter.Track> videoTracks, TsSegmentWriter.Track audioTrack) {
        if (videoTracks.size() != renditions.size()) {
            throw new IllegalArgumentException("one video track per rendition expected, got " + videoTracks.size()
                    + " for " + renditions.size());
        }
        this.renditions = List.copyOf(renditions);
        this.lives = renditions.stream().map(r -> new LiveSegment(streamId, r.name(), startMs)).toList();
        try {
            for (int i = 0; i < renditions.size(); i++) {
                writers.add(new GrowingTsWriter(lives.get(i), videoTracks.get(i), audioTrack));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the segment whose first picture is written next and tells {@code sink} of it.
     *
     * @param startMs the wall-clock time of its first picture, as the segment's draft will say
     * @param videoTracks one per rendition, in ladder order
     * @param audioTrack null for a source without sound; its packets go into every rendition
     */
    public static GrowingSegment begin(SegmentSink sink, long streamId, List<Rendition> renditions, long startMs,
                                List<TsSegmentWriter.Track> videoTracks, TsSegmentWriter.Track audioTrack) {
        GrowingSegment segment = new GrowingSegment(streamId, renditions, startMs, videoTracks, audioTrack);
        sink.growing(segment.lives);
        return segment;
    }

    public long startMs() {
        return lives.get(0).startMs();
    }

    /** One video packet of rendition {@code index}, in its track's time base (not consumed). */
    public void video(int index, AVPacket packet) {
        writers.get(index).video(packet);
    }

    /** One audio packet, into every rendition (not consumed). */
    public void audio(AVPacket packet) {
        writers.forEach(w -> w.audio(packet));
    }

    /** Hands what was muxed so far to the readers. */
    public void flush() {
        writers.forEach(GrowingTsWriter::flush);
    }

    /**
     * Ends the segment and writes each rendition's bytes as a fsynced temp file in {@code dir}, named
     * {@code prefix + rendition + "-…ts"}; by rendition name, in ladder order. On failure nothing is left behind
     * and the live segments are abandoned.
     */
    public Map<String, Path> finish(Path dir, String prefix) {
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            for (int i = 0; i < renditions.size(); i++) {
                Path file = Files.createTempFile(dir, prefix + renditions.get(i).name() + "-", ".ts");
                files.put(renditions.get(i).name(), file);
                writers.get(i).finish(file);
            }
            finished = true;
            return files;
        } catch (IOException | RuntimeException e) {
            files.values().forEach(f -> f.toFile().delete());
            throw e instanceof MediaException m ? m : new MediaException("cannot write a segment: " + e.getMessage(), e);
        }
    }

    /**
     * Frees the muxers. A segment never finished is abandoned; a finished one is left to the sink, which finishes
     * it as the indexed segment or abandons it when it cannot store it.
     */
    @Override
    public void close() {
        writers.forEach(GrowingTsWriter::close);
        writers.clear();
        if (!finished) {
            lives.forEach(LiveSegment::abandon);
        }
    }
}
