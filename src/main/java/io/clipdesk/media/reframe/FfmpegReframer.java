package io.clipdesk.media.reframe;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.CropWindow;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.Reframer;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.ingest.SegmentCutter;
import io.clipdesk.media.segment.TsSegmentWriter;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntFunction;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * {@link Reframer} in-process: decodes the clip's MP4, crops each picture to the window the {@link CropPath} puts
 * there ({@link CropWindow}: pointer arithmetic, no copy), scales it to the shape with bicubic filtering and encodes
 * it with libx264; the AAC sound is copied packet for packet. A fixed GOP of one segment, so every segment starts on
 * a keyframe. Runs on the calling thread; an interrupt stops it at the next picture.
 */
public final class FfmpegReframer implements Reframer {

    /** Slower than the live ladder's preset: this is encoded once, watched many times, at a higher bitrate. */
    static final String PRESET = "veryfast";
    private static final int DEFAULT_FPS = 25;

    public FfmpegReframer() {
        MediaRuntime.warmUp();
    }

    @Override
    public List<Long> encode(Path sourceMp4, ReframeAspect aspect, CropPath crop, int segmentMs,
                             IntFunction<Path> segment, DoubleConsumer progress) {
        try (Job job = new Job(sourceMp4, aspect, crop, segmentMs, segment, progress)) {
            return job.run();
        }
    }

    /** One encode: its demuxer, codecs, scaler and the segment being filled. */
    private static final class Job implements AutoCloseable {

        private final ReframeAspect aspect;
        private final CropPath crop;
        private final IntFunction<Path> segmentPath;
        private final DoubleConsumer progress;
        private final AVFormatContext input = new AVFormatContext(null);
        private final AVPacket packet = av_packet_alloc();
        private final AVFrame decoded = av_frame_alloc();
        private final AVFrame scaled = av_frame_alloc();
        private final List<AVPacket> videoOut = new ArrayList<>();
        private final List<AVPacket> audioOut = new ArrayList<>();
        private final List<Long> durationsUs = new ArrayList<>();
        private AVCodecContext decoder;
        private Encoder encoder;
        private SwsContext scaler;
        private TsSegmentWriter.Track videoTrack;
        private TsSegmentWriter.Track audioTrack;
        private int videoIndex = -1;
        private int audioIndex = -1;
        private AVRational videoTimeBase;
        private AVRational audioTimeBase;
        private int fps;
        private int gopFrames;
        private long firstPts = AV_NOPTS_VALUE;
        private long lastFrame = -1;
        private long expectedFrames;
        private long segmentFirstFrame;
        private boolean inputOpen;

        Job(Path source, ReframeAspect aspect, CropPath crop, int segmentMs, IntFunction<Path> segmentPath,
            DoubleConsumer progress) {
            this.aspect = aspect;
            this.crop = crop;
            this.segmentPath = segmentPath;
            this.progress = progress;
            FfmpegError.check(avformat_open_input(input, "file:" + source.toAbsolutePath(), null, null),
                    "cannot open the clip's MP4 " + source.getFileName());
            inputOpen = true;
            FfmpegError.check(avformat_find_stream_info(input, (AVDictionary) null), "cannot read the clip's MP4");
            for (int i = 0; i < input.nb_streams(); i++) {
                int type = input.streams(i).codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO && videoIndex < 0) {
                    videoIndex = i;
                } else if (type == AVMEDIA_TYPE_AUDIO && audioIndex < 0) {
                    audioIndex = i;
                }
            }
            if (videoIndex < 0) {
                throw new MediaException("the clip's MP4 has no picture to reframe");
            }
            AVStream video = input.streams(videoIndex);
            videoTimeBase = av_make_q(video.time_base().num(), video.time_base().den());
            AVRational rate = video.avg_frame_rate().num() > 0 ? video.avg_frame_rate() : video.r_frame_rate();
            fps = rate.num() > 0 && rate.den() > 0
                    ? Math.max(1, Math.min(60, (int) Math.round((double) rate.num() / rate.den()))) : DEFAULT_FPS;
            gopFrames = Math.max(1, Math.round(fps * segmentMs / 1000f));
            expectedFrames = Math.max(1, input.duration() * fps / AV_TIME_BASE);
            openDecoder(video);
            encoder = Encoder.h264(aspect.width(), aspect.height(), aspect.videoKbps(), fps, gopFrames, PRESET);
            videoTrack = TsSegmentWriter.Track.of(encoder);
            if (audioIndex >= 0) {
                AVStream audio = input.streams(audioIndex);
                audioTimeBase = av_make_q(audio.time_base().num(), audio.time_base().den());
                audioTrack = new TsSegmentWriter.Track(audio.codecpar(), audioTimeBase);
            }
            scaled.format(AV_PIX_FMT_YUV420P).width(aspect.width()).height(aspect.height());
            FfmpegError.check(av_frame_get_buffer(scaled, 0), "cannot allocate a picture");
        }

        private void openDecoder(AVStream video) {
            AVCodec codec = avcodec_find_decoder(video.codecpar().codec_id());
            if (codec == null) {
                throw new MediaException("no decoder for the clip's video codec");
            }
            decoder = avcodec_alloc_context3(codec);
            FfmpegError.check(avcodec_parameters_to_context(decoder, video.codecpar()), "cannot set up the decoder");
            decoder.pkt_timebase(videoTimeBase);
            FfmpegError.check(avcodec_open2(decoder, codec, (AVDictionary) null), "cannot open the video decoder");
        }

        List<Long> run() {
            List<AVPacket> audioHeld = new ArrayList<>();
            try {
                while (av_read_frame(input, packet) >= 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new MediaException("the reframe was stopped");
                    }
                    if (packet.stream_index() == videoIndex) {
                        FfmpegError.check(avcodec_send_packet(decoder, packet), "cannot decode the clip's picture");
                        drainDecoder();
                    } else if (packet.stream_index() == audioIndex) {
                        AVPacket copy = av_packet_alloc();
                        av_packet_move_ref(copy, packet);
                        audioHeld.add(copy);
                    }
                    av_packet_unref(packet);
                    moveAudio(audioHeld);
                }
                FfmpegError.check(avcodec_send_packet(decoder, null), "cannot decode the clip's picture");
                drainDecoder();
                encoder.encode(null, this::takeVideo);
                moveAudio(audioHeld);
                audioOut.addAll(audioHeld);
                audioHeld.clear();
                flush(true);
                if (durationsUs.isEmpty()) {
                    throw new MediaException("the clip's MP4 has no picture to reframe");
                }
                progress.accept(1);
                return List.copyOf(durationsUs);
            } finally {
                SegmentCutter.freeAll(audioHeld);
            }
        }

        /**
         * Audio in the output's time (the first picture is 0), held until the picture catches up with it, so each
         * segment gets the sound of its own pictures.
         */
        private void moveAudio(List<AVPacket> held) {
            if (firstPts == AV_NOPTS_VALUE) {
                return;
            }
            long offset = av_rescale_q(firstPts, videoTimeBase, audioTimeBase);
            for (AVPacket p : held) {
                p.pts(p.pts() - offset).dts(p.dts() - offset);
            }
            held.removeIf(p -> {
                if (p.pts() + p.duration() <= 0) {
                    av_packet_free(p);
                    return true;
                }
                return false;
            });
            audioOut.addAll(held);
            held.clear();
        }

        private void drainDecoder() {
            while (avcodec_receive_frame(decoder, decoded) >= 0) {
                long ts = decoded.best_effort_timestamp();
                if (ts != AV_NOPTS_VALUE) {
                    if (firstPts == AV_NOPTS_VALUE) {
                        firstPts = ts;
                    }
                    long frame = av_rescale_q(ts - firstPts, videoTimeBase, av_make_q(1, fps));
                    if (frame > lastFrame) {
                        lastFrame = frame;
                        encodeFrame(frame);
                    }
                }
                av_frame_unref(decoded);
            }
        }

        private void encodeFrame(long frame) {
            CropPath.Key at = crop.at(frame * 1000 / fps);
            CropWindow window = CropWindow.of(aspect, decoded.width(), decoded.height(), at.centerX(), at.centerY());
            decoded.crop_left(window.x()).crop_top(window.y())
                    .crop_right(decoded.width() - window.x() - window.width())
                    .crop_bottom(decoded.height() - window.y() - window.height());
            FfmpegError.check(av_frame_apply_cropping(decoded, AV_FRAME_CROP_UNALIGNED), "cannot crop the picture");
            if (scaler == null) {
                // The window's size is fixed for the clip; only its position moves, so one scaler does.
                scaler = sws_getContext(decoded.width(), decoded.height(), decoded.format(), aspect.width(),
                        aspect.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, null, null, (double[]) null);
            }
            FfmpegError.check(av_frame_make_writable(scaled), "cannot allocate a picture");
            FfmpegError.check(sws_scale_frame(scaler, scaled, decoded), "cannot scale the picture");
            scaled.pts(frame).pict_type(AV_PICTURE_TYPE_NONE);
            encoder.encode(scaled, this::takeVideo);
            if (frame % 10 == 0) {
                progress.accept(Math.min(1.0, (double) frame / expectedFrames));
            }
        }

        /** Encoder output, in its 1/fps time base; a keyframe after a full GOP closes the segment before it. */
        private void takeVideo(AVPacket p) {
            if ((p.flags() & AV_PKT_FLAG_KEY) != 0 && !videoOut.isEmpty()) {
                flush(false);
            }
            if (videoOut.isEmpty()) {
                segmentFirstFrame = p.pts();
            }
            if (p.duration() <= 0) {
                p.duration(1);
            }
            videoOut.add(p);
        }

        /** Writes the segment being filled with the sound up to its last picture's end (all the rest at the end). */
        private void flush(boolean last) {
            if (videoOut.isEmpty()) {
                return;
            }
            long endFrame = videoOut.stream().mapToLong(p -> p.pts() + p.duration()).max().orElse(segmentFirstFrame);
            List<AVPacket> audio = new ArrayList<>();
            List<AVPacket> later = new ArrayList<>();
            for (AVPacket a : audioOut) {
                boolean inside = last || av_compare_ts(a.pts(), audioTimeBase, endFrame, av_make_q(1, fps)) < 0;
                (inside ? audio : later).add(a);
            }
            Path target = segmentPath.apply(durationsUs.size());
            try {
                Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(),
                        ".part");
                try {
                    TsSegmentWriter.write(temp, videoTrack, videoOut, audioTrack, audioTrack == null ? List.of()
                            : audio);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new MediaException("cannot write " + target + ": " + e.getMessage(), e);
            } finally {
                SegmentCutter.freeAll(videoOut);
                SegmentCutter.freeAll(audio);
                videoOut.clear();
                audioOut.clear();
                audioOut.addAll(later);
            }
            durationsUs.add((endFrame - segmentFirstFrame) * 1_000_000L / fps);
        }

        @Override
        public void close() {
            SegmentCutter.freeAll(videoOut);
            SegmentCutter.freeAll(audioOut);
            if (videoTrack != null) {
                avcodec_parameters_free(videoTrack.params());
            }
            if (encoder != null) {
                encoder.close();
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            sws_freeContext(scaler);
            av_frame_free(decoded);
            av_frame_free(scaled);
            av_packet_free(packet);
            if (inputOpen) {
                avformat_close_input(input);
            }
        }
    }
}
