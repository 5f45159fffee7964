package io.clipdesk.media.testsignal;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.ingest.EnvelopeDecoder;
import io.clipdesk.media.segment.GrowingSegment;
import io.clipdesk.media.segment.GrowingTsWriter;
import io.clipdesk.media.segment.TsSegmentWriter;
import io.clipdesk.media.thumbnail.Thumbnailer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * The test signal's chain: paint in YUV → scaled per rendition → libx264 per rendition, plus one AAC encoder whose packets
 * go into every rendition and, decoded again, into the segment's audio envelope. Encoders live as long as the
 * chain, so timestamps run on across segments. Each segment is a {@link GrowingSegment} muxed as its pictures are
 * encoded ({@link #beginSegment}), flushed after every picture for players at the live edge; {@link #cut} ends it
 * and writes those bytes as the segment's TS files. Not thread-safe: the ingest thread owns it.
 */
final class TestSignalEncoder implements AutoCloseable {

    static final int FPS = 25;
    static final int FRAME_MS = 1000 / FPS;
    private static final int SAMPLES_PER_FRAME = TestTone.SAMPLE_RATE / FPS;
    private static final int CHANNELS = 2;
    /** Audio encoded ahead of the video, so every AAC packet of a segment is out of the encoder at its cut. */
    private static final int AUDIO_LEAD_SAMPLES = 3 * 1024;

    private final List<Rendition> renditions;
    private final Path incomingDir;
    private final String filePrefix;
    private final TestPattern pattern;
    private final TestTone tone;
    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final PictureScaler scaler;
    private final List<Encoder> video = new ArrayList<>();
    private final List<List<AVPacket>> videoPending = new ArrayList<>();
    private final List<Consumer<AVPacket>> videoSinks = new ArrayList<>();
    private final Encoder audio;
    private final EnvelopeDecoder envelope;
    private final long originMs;
    private final AVFrame audioFrame;
    private final float[] samples;
    private final ArrayDeque<AVPacket> audioPending = new ArrayDeque<>();
    private final List<TsSegmentWriter.Track> videoTracks = new ArrayList<>();
    private final TsSegmentWriter.Track audioTrack;
    private GrowingSegment growing;
    /** How many packets at the head of {@link #audioPending} the growing segment already holds. */
    private int audioWritten;
    private long nextAudioSample;

    /** @param originMs wall-clock time of frame 0, epoch milliseconds */
    TestSignalEncoder(String streamName, List<Rendition> renditions, int gopFrames, long originMs,
                      Path incomingDir, String filePrefix) {
        this.renditions = List.copyOf(renditions);
        this.incomingDir = incomingDir;
        this.filePrefix = filePrefix;
        this.pattern = new TestPattern(streamName);
        this.tone = new TestTone(originMs);
        this.originMs = originMs;
        PictureScaler scalerBuilt = null;
        Encoder audioBuilt = null;
        EnvelopeDecoder envelopeBuilt = null;
        AVFrame frameBuilt = null;
        try {
            scalerBuilt = new PictureScaler(TestPattern.WIDTH, TestPattern.HEIGHT, renditions);
            for (Rendition r : renditions) {
                video.add(Encoder.h264TestSignal(r, FPS, gopFrames));
                List<AVPacket> pending = new ArrayList<>();
                videoPending.add(pending);
                videoSinks.add(pending::add);
            }
            audioBuilt = Encoder.aac(TestTone.SAMPLE_RATE, CHANNELS, 128_000);
            envelopeBuilt = envelopeOf(audioBuilt);
            frameBuilt = av_frame_alloc();
            frameBuilt.nb_samples(audioBuilt.context().frame_size()).format(AV_SAMPLE_FMT_FLTP)
                    .sample_rate(TestTone.SAMPLE_RATE);
            av_channel_layout_copy(frameBuilt.ch_layout(), audioBuilt.context().ch_layout());
            FfmpegError.check(av_frame_get_buffer(frameBuilt, 0), "cannot allocate an audio frame");
        } catch (RuntimeException e) {
            // Free what was opened before the failure; the constructor's caller never gets an object to close.
            video.forEach(Encoder::close);
            if (audioBuilt != null) {
                audioBuilt.close();
            }
            if (envelopeBuilt != null) {
                envelopeBuilt.close();
            }
            av_frame_free(frameBuilt);
            if (scalerBuilt != null) {
                scalerBuilt.close();
            }
            throw e;
        }
        this.scaler = scalerBuilt;
        this.audio = audioBuilt;
        this.envelope = envelopeBuilt;
        this.audioFrame = frameBuilt;
        samples = new float[audioFrame.nb_samples()];
        video.forEach(e -> videoTracks.add(TsSegmentWriter.Track.of(e)));
        audioTrack = TsSegmentWriter.Track.of(audio);
    }

    /**
     * Starts the segment whose first picture is encoded next and tells {@code sink} of it, as it grows. A segment
     * begun and not cut (the source stopped) is dropped.
     *
     * @param startMs the wall-clock time of its first picture
     */
    void beginSegment(SegmentSink sink, long streamId, long startMs) {
        closeGrowing();
        growing = GrowingSegment.begin(sink, streamId, renditions, startMs, videoTracks, audioTrack);
    }

    /**
     * Paints, converts and encodes frame {@code frameIndex}, and encodes the audio up to just past it.
     *
     * @param localMsOfDay the frame's wall-clock time since local midnight, as drawn on the picture
     * @param firstOfSegment forces an IDR and keeps this picture for the segment's thumbnail
     */
    void encodeFrame(long frameIndex, long localMsOfDay, boolean flash, boolean firstOfSegment) {
        pattern.paint(frameIndex, localMsOfDay, flash);
        List<AVFrame> frames = scaler.convert(pattern);
        if (firstOfSegment) {
            thumbnailer.capture(scaler.thumbnail());
        }
        for (int i = 0; i < video.size(); i++) {
            AVFrame f = frames.get(i);
            f.pts(frameIndex).pict_type(firstOfSegment ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
            int before = videoPending.get(i).size();
            video.get(i).encode(f, videoSinks.get(i));
            if (growing != null) {
                List<AVPacket> pending = videoPending.get(i);
                for (int p = before; p < pending.size(); p++) {
                    growing.video(i, pending.get(p));
                }
            }
        }
        while (nextAudioSample < (frameIndex + 1) * SAMPLES_PER_FRAME + AUDIO_LEAD_SAMPLES) {
            encodeAudio();
        }
        if (growing != null) {
            writeAudioBefore((frameIndex + 1) * SAMPLES_PER_FRAME);
            growing.flush();
        }
    }

    /** Puts the pending audio that starts before sample {@code endSample} into the growing segments. */
    private void writeAudioBefore(long endSample) {
        int index = 0;
        for (AVPacket p : audioPending) {
            if (p.pts() >= endSample) {
                break;
            }
            if (index++ >= audioWritten) {
                growing.audio(p);
                audioWritten = index;
            }
        }
    }

    private void encodeAudio() {
        FfmpegError.check(av_frame_make_writable(audioFrame), "cannot allocate an audio frame");
        tone.fill(samples, nextAudioSample);
        for (int ch = 0; ch < CHANNELS; ch++) {
            new FloatPointer(audioFrame.data(ch)).put(samples);
        }
        audioFrame.pts(nextAudioSample);
        nextAudioSample += samples.length;
        audio.encode(audioFrame, audioPending::add);
    }

    /** After a stall: the next frame is {@code frameIndex}; audio jumps with it and stale packets are dropped. */
    void skipTo(long frameIndex) {
        nextAudioSample = frameIndex * SAMPLES_PER_FRAME;
        while (!audioPending.isEmpty() && audioPending.peekFirst().pts() < nextAudioSample) {
            av_packet_free(audioPending.pollFirst());
        }
    }

    /**
     * Writes frames [{@code startFrame}, {@code endFrame}) and the audio that starts in that span as one fsynced
     * TS file per rendition plus a thumbnail, all in the incoming folder. On failure nothing is left behind.
     */
    SegmentDraft cut(long startFrame, long endFrame, long startMs, boolean discontinuity) {
        long endSample = endFrame * SAMPLES_PER_FRAME;
        if (growing == null) {
            throw new IllegalStateException("cut of a segment that was never begun");
        }
        writeAudioBefore(endSample);
        List<AVPacket> audioPackets = new ArrayList<>();
        while (!audioPending.isEmpty() && audioPending.peekFirst().pts() < endSample) {
            audioPackets.add(audioPending.pollFirst());
        }
        audioWritten = 0;
        Map<String, Path> files = Map.of();
        try {
            for (int i = 0; i < renditions.size(); i++) {
                checkGop(renditions.get(i), videoPending.get(i), startFrame, endFrame);
            }
            files = growing.finish(incomingDir, filePrefix);
            Path thumbnail = thumbnailer.write(incomingDir, filePrefix + "thumb-");
            long durationUs = (endFrame - startFrame) * FRAME_MS * 1000L;
            // Audio pts count samples from frame 0, which sounds at originMs.
            AudioEnvelope sound = envelope.measure(audioPackets, mediaUs -> originMs * 1000 + mediaUs);
            return new SegmentDraft(startMs, durationUs, discontinuity, files, thumbnail, sound);
        } catch (RuntimeException e) {
            files.values().forEach(f -> f.toFile().delete());
            throw e instanceof MediaException m ? m : new MediaException("cannot write a segment: " + e.getMessage(), e);
        } finally {
            audioPackets.forEach(p -> av_packet_free(p));
            videoPending.forEach(TestSignalEncoder::freeAll);
            closeGrowing();
        }
    }

    private void closeGrowing() {
        if (growing != null) {
            growing.close();
            growing = null;
        }
        audioWritten = 0;
    }

    private static EnvelopeDecoder envelopeOf(Encoder aac) {
        TsSegmentWriter.Track track = TsSegmentWriter.Track.of(aac);
        try {
            return new EnvelopeDecoder(track.params(), track.timeBase());
        } finally {
            avcodec_parameters_free(track.params());
        }
    }

    private static void checkGop(Rendition r, List<AVPacket> packets, long startFrame, long endFrame) {
        if (packets.size() != endFrame - startFrame || packets.get(0).pts() != startFrame
                || (packets.get(0).flags() & AV_PKT_FLAG_KEY) == 0) {
            throw new MediaException("the " + r.name() + " encoder did not produce one keyframe-led GOP of "
                    + (endFrame - startFrame) + " frames (got " + packets.size() + ")");
        }
    }

    private static void freeAll(List<AVPacket> packets) {
        packets.forEach(p -> av_packet_free(p));
        packets.clear();
    }

    @Override
    public void close() {
        closeGrowing();
        videoTracks.forEach(t -> avcodec_parameters_free(t.params()));
        if (audioTrack != null) {
            avcodec_parameters_free(audioTrack.params());
        }
        videoPending.forEach(TestSignalEncoder::freeAll);
        audioPending.forEach(p -> av_packet_free(p));
        audioPending.clear();
        video.forEach(Encoder::close);
        audio.close();
        envelope.close();
        av_frame_free(audioFrame);
        scaler.close();
    }
}
