package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.segment.GrowingSegment;
import io.clipdesk.media.segment.TsSegmentWriter;
import io.clipdesk.media.thumbnail.KeyframePicture;
import io.clipdesk.media.thumbnail.Thumbnailer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * One connection's worth of ingest: the packets of one input become keyframe-aligned TS segments. H.264 video is
 * remuxed as one rendition at the source's size (cheap: no decode but one keyframe per segment for its thumbnail);
 * other video is decoded and encoded into the stream's ladder with libx264. AAC audio is copied, other audio
 * re-encoded to AAC; the AAC that goes into each segment is decoded once more for its envelope (the timeline's
 * waveform). Segments are stamped through the session's {@link WallClockMap}: packets that come before it is
 * anchored are held (copies) and cut once it is, so no segment is handed on with a stamp that could still move;
 * the first one says
 * discontinuity, because a new connection restarts the timestamps. Each segment is written as a
 * {@link GrowingSegment} while its packets come, so a player at the live edge reads it before it is cut; only a
 * remuxed session's first segment at a new size is not, as its rendition is named at its end. Owned by the ingest
 * thread.
 */
final class IngestSession implements AutoCloseable, SegmentCutter.RunWriter {

    private static final System.Logger LOG = System.getLogger(IngestSession.class.getName());

    /** A jump in the source's video clock beyond this (a restart, a wrap, a splice) ends the session. */
    private static final long MAX_STEP_US = 10_000_000;

    private final SegmentSink sink;
    private final long streamId;
    private final String filePrefix;
    private final WallClockMap wallClock;
    private final List<Rendition> streamLadder;
    private final VideoLadder videoLadder;
    private final AacTranscoder audioTranscoder;
    private final AVRational videoTimeBase;
    private final List<TsSegmentWriter.Track> videoTracks;
    private final TsSegmentWriter.Track audioTrack;
    private final SegmentCutter cutter;
    private final KeyframePicture picture;
    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final EnvelopeDecoder envelope;
    private final int sourceWidth;
    private final int sourceHeight;
    private List<Rendition> ladder;
    private boolean first = true;
    private long lastVideoDtsUs = Long.MIN_VALUE;
    /** Copies of the packets taken before the wall clock was anchored, in order; freed when cut or closed. */
    private final ArrayDeque<AVPacket> held = new ArrayDeque<>();
    /** The run being cut, as it grows; null while none grows (not begun, or not growing). */
    private GrowingSegment growing;

    /** @param streamLadder the stream's renditions now: a transcoded source encodes these */
    IngestSession(MediaInput input, List<Rendition> streamLadder, int segmentDurationMs, SegmentSink sink,
                  WallClockMap wallClock, long streamId, String filePrefix) {
        this.sink = sink;
        this.streamId = streamId;
        this.filePrefix = filePrefix;
        this.wallClock = wallClock;
        this.streamLadder = List.copyOf(streamLadder);
        AVStream video = input.stream(MediaInput.VIDEO);
        AVStream audio = input.stream(MediaInput.AUDIO);
        sourceWidth = video.codecpar().width();
        sourceHeight = video.codecpar().height();
        videoTimeBase = copyOf(video.time_base());
        boolean remux = video.codecpar().codec_id() == AV_CODEC_ID_H264 && sourceWidth > 0 && sourceHeight > 0;
        boolean copyAudio = audio != null && audio.codecpar().codec_id() == AV_CODEC_ID_AAC;
        ladder = !remux || sameSize(this.streamLadder, sourceWidth, sourceHeight) ? this.streamLadder : null;
        VideoLadder ladderBuilt = null;
        AacTranscoder audioBuilt = null;
        List<TsSegmentWriter.Track> tracksBuilt = List.of();
        TsSegmentWriter.Track audioTrackBuilt = null;
        EnvelopeDecoder envelopeBuilt = null;
        try {
            ladderBuilt = remux ? null : new VideoLadder(video, input.frameRate(), streamLadder, segmentDurationMs);
            tracksBuilt = remux ? List.of(new TsSegmentWriter.Track(copyOf(video.codecpar()), videoTimeBase))
                    : ladderBuilt.tracks();
            audioBuilt = audio == null || copyAudio ? null : new AacTranscoder(audio);
            audioTrackBuilt = audio == null ? null : copyAudio
                    ? new TsSegmentWriter.Track(copyOf(audio.codecpar()), copyOf(audio.time_base()))
                    : audioBuilt.track();
            envelopeBuilt = audioTrackBuilt == null ? null
                    : new EnvelopeDecoder(audioTrackBuilt.params(), audioTrackBuilt.timeBase());
            picture = new KeyframePicture(tracksBuilt.get(0).params());
        } catch (RuntimeException e) {
            // The caller never gets an object to close: free what was opened before the failure.
            free(ladderBuilt, audioBuilt, tracksBuilt, audioTrackBuilt);
            if (envelopeBuilt != null) {
                envelopeBuilt.close();
            }
            throw e;
        }
        envelope = envelopeBuilt;
        videoLadder = ladderBuilt;
        audioTranscoder = audioBuilt;
        videoTracks = tracksBuilt;
        audioTrack = audioTrackBuilt;
        cutter = new SegmentCutter(remux ? List.of(videoTimeBase) : videoLadder.timeBases(),
                audioTrack == null ? null : audioTrack.timeBase(), segmentDurationMs * 1000L);
    }

    boolean remuxed() {
        return videoLadder == null;
    }

    /** The renditions this session writes; null until a remuxed session at a new size has cut its first segment. */
    List<Rendition> ladder() {
        return ladder;
    }

    /**
     * Whether {@code packet} (a video or audio packet from the input) continues this session's timeline. A video
     * timestamp that jumps back, or ahead by more than ten seconds, does not: the caller ends the session.
     */
    boolean continues(AVPacket packet) {
        if (packet.stream_index() != MediaInput.VIDEO || lastVideoDtsUs == Long.MIN_VALUE) {
            return true;
        }
        long dtsUs = av_rescale_q(packet.dts(), videoTimeBase, SegmentCutter.MICROS);
        return dtsUs >= lastVideoDtsUs && dtsUs - lastVideoDtsUs <= MAX_STEP_US;
    }

    /** Takes one packet of the input (not consumed: the caller unrefs it) and writes any segment it completes. */
    void feed(AVPacket packet) {
        if (packet.stream_index() == MediaInput.VIDEO) {
            lastVideoDtsUs = av_rescale_q(packet.dts(), videoTimeBase, SegmentCutter.MICROS);
        }
        if (!wallClock.anchored()) {
            held.addLast(av_packet_clone(packet));
            return;
        }
        cutHeld();
        cut(packet);
    }

    /** Cuts the packets held while the wall clock was not yet anchored. */
    private void cutHeld() {
        for (AVPacket packet = held.pollFirst(); packet != null; packet = held.pollFirst()) {
            try {
                cut(packet);
            } finally {
                av_packet_free(packet);
            }
        }
    }

    private void cut(AVPacket packet) {
        if (packet.stream_index() == MediaInput.VIDEO) {
            if (videoLadder == null) {
                cutter.addVideo(0, av_packet_clone(packet));
            } else {
                videoLadder.transcode(packet, cutter::addVideo);
            }
        } else if (audioTrack != null) {
            if (audioTranscoder == null) {
                cutter.addAudio(av_packet_clone(packet));
            } else {
                audioTranscoder.transcode(packet, cutter::addAudio);
            }
        }
        for (SegmentCutter.Gop gop = cutter.poll(this); gop != null; gop = cutter.poll(this)) {
            deliver(gop);
        }
        cutter.release(this);
        if (growing != null) {
            growing.flush();
        }
    }

    /** The connection ended: what was received after the last cut becomes a last, shorter segment. */
    void finish() {
        if (wallClock.anchored()) {
            cutHeld();
        }
        SegmentCutter.Gop gop = cutter.flush(this);
        if (gop != null) {
            deliver(gop);
        }
    }

    @Override
    public void begin(long startUs) {
        closeGrowing();
        if (ladder == null) {
            return; // a remuxed source's rendition at a new size is measured on its first whole segment
        }
        try {
            growing = GrowingSegment.begin(sink, streamId, ladder, wallClock.wallMs(startUs), videoTracks, audioTrack);
        } catch (MediaException e) {
            LOG.log(System.Logger.Level.WARNING, "stream {0}: a segment is written whole, not as it grows: {1}",
                    streamId, e.getMessage());
        }
    }

    @Override
    public void video(int track, AVPacket packet) {
        if (growing != null) {
            try {
                growing.video(track, packet);
            } catch (MediaException e) {
                stopGrowing(e);
            }
        }
    }

    @Override
    public void audio(AVPacket packet) {
        if (growing != null) {
            try {
                growing.audio(packet);
            } catch (MediaException e) {
                stopGrowing(e);
            }
        }
    }

    /** The segment being written failed to mux: it is abandoned and written whole at its cut instead. */
    private void stopGrowing(MediaException e) {
        LOG.log(System.Logger.Level.WARNING, "stream {0}: the segment being written is dropped for live readers "
                + "and written whole at its end: {1}", streamId, e.getMessage());
        closeGrowing();
    }

    private void closeGrowing() {
        if (growing != null) {
            growing.close();
            growing = null;
        }
    }

    private void deliver(SegmentCutter.Gop gop) {
        Map<String, Path> files = new LinkedHashMap<>();
        Path thumbnail = null;
        try {
            if (ladder == null) {
                ladder = List.of(sourceRendition(gop));
            }
            if (!ladder.equals(streamLadder) && first) {
                sink.renditions(ladder);
            }
            Path dir = sink.incomingDir();
            long startMs = wallClock.wallMs(gop.startUs());
            if (growing != null && growing.startMs() == startMs) {
                files.putAll(growing.finish(dir, filePrefix)); // what live readers read is what the DVR keeps
            } else {
                closeGrowing();
                for (int i = 0; i < ladder.size(); i++) {
                    Path file = Files.createTempFile(dir, filePrefix + ladder.get(i).name() + "-", ".ts");
                    files.put(ladder.get(i).name(), file);
                    TsSegmentWriter.write(file, videoTracks.get(i), gop.video().get(i), audioTrack, gop.audio());
                }
            }
            BufferedImage image = picture.picture(gop.video().get(0).get(0));
            if (image != null) {
                thumbnailer.capture(image);
            }
            thumbnail = thumbnailer.write(dir, filePrefix + "thumb-");
            AudioEnvelope sound = envelope == null ? AudioEnvelope.EMPTY
                    : envelope.measure(gop.audio(), wallClock::wallUs);
            SegmentDraft draft = new SegmentDraft(startMs, gop.durationUs(), first, files, thumbnail, sound);
            first = false;
            sink.accept(draft);
        } catch (IOException | RuntimeException e) {
            // The sink failed before taking the files, or they were never finished (a full disk): leave nothing
            // behind, and carry on; the next segment may fit.
            files.values().forEach(f -> f.toFile().delete());
            if (thumbnail != null) {
                thumbnail.toFile().delete();
            }
            sink.lost(e instanceof MediaException m ? m : new MediaException("cannot write a segment: " + e.getMessage(), e));
        } finally {
            closeGrowing();
            gop.free();
        }
    }

    private static boolean sameSize(List<Rendition> ladder, int width, int height) {
        return ladder.size() == 1 && ladder.get(0).width() == width && ladder.get(0).height() == height;
    }

    /** A remuxed source's one rendition: the stream's own when the size is unchanged, else a new one at this size. */
    private Rendition sourceRendition(SegmentCutter.Gop gop) {
        if (sameSize(streamLadder, sourceWidth, sourceHeight)) {
            return streamLadder.get(0);
        }
        long bytes = gop.video().get(0).stream().mapToLong(AVPacket::size).sum();
        int kbps = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes * 8_000 / Math.max(1, gop.durationUs())));
        return Rendition.named(1, sourceWidth, sourceHeight, kbps);
    }

    private static AVRational copyOf(AVRational r) {
        return av_make_q(r.num(), r.den());
    }

    private static AVCodecParameters copyOf(AVCodecParameters params) {
        AVCodecParameters copy = avcodec_parameters_alloc();
        FfmpegError.check(avcodec_parameters_copy(copy, params), "cannot copy the stream's parameters");
        return copy;
    }

    @Override
    public void close() {
        SegmentCutter.freeAll(held);
        closeGrowing();
        cutter.close();
        picture.close();
        if (envelope != null) {
            envelope.close();
        }
        free(videoLadder, audioTranscoder, videoTracks, audioTrack);
    }

    private static void free(VideoLadder videoLadder, AacTranscoder audioTranscoder,
                             List<TsSegmentWriter.Track> videoTracks, TsSegmentWriter.Track audioTrack) {
        videoTracks.forEach(t -> avcodec_parameters_free(t.params()));
        if (audioTrack != null) {
            avcodec_parameters_free(audioTrack.params());
        }
        if (videoLadder != null) {
            videoLadder.close();
        }
        if (audioTranscoder != null) {
            audioTranscoder.close();
        }
    }
}
