package io.clipdesk.media;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.stream.Rendition;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/** One open FFmpeg encoder; hands out every packet it produces, in encoder time base. */
public final class Encoder implements AutoCloseable {

    /**
     * Measured paced, 360p + 720p + AAC, 60 s: veryfast 27 %, superfast 25 %, ultrafast 20 % of one core (whole
     * process). superfast keeps CABAC and deblocking, so it is the fastest preset that still compresses well.
     */
    static final String X264_PRESET = "superfast";

    private final AVCodecContext context;
    private final AVPacket received = av_packet_alloc();

    private Encoder(AVCodecContext context) {
        this.context = context;
    }

    /** libx264 with a fixed GOP of {@code gopFrames}, no B-frames and no scene-cut keyframes: every GOP is a segment. */
    public static Encoder h264(Rendition rendition, int fps, int gopFrames) {
        return h264(rendition, fps, gopFrames, null, true);
    }

    /**
     * libx264 as {@link #h264}, tuned for the test signal's synthetic picture: still bars with a few rectangles
     * moving by whole pixels. Constant QP 26: a still picture costs what it needs, far under the rendition's
     * bitrate (720p ~0.5 Mbit/s), and no rate control runs — CRF (before) estimated every frame's complexity on
     * a quarter-size copy first, 15 % of x264's time here (measured side by side on the same frames, one thread:
     * 720p 4.9 → 4.2 %, 360p 1.4 → 1.2 % of a core; the 720p stream 475 → 519 kbit/s). QP 26 because it is
     * ABR's picture-init QP, so SPS and PPS stay those of {@link #h264} and a frame-accurate cut's re-encoded GOP
     * splices. No sub-pixel motion search and no sub-macroblock partitions, which whole-pixel rectangles never
     * use.
     *
     * <p>One thread per encoder: zero-latency x264 otherwise cuts each frame into slices for worker threads (four
     * per encoder here), and frames this cheap (95 % skipped macroblocks, a few ms at 720p) are not worth waking
     * workers for 25 times a second: perf on the paced live bench showed 13 % of the process's samples in the
     * kernel's futex and interrupt paths. One thread each, same load (~12 on 2 cores): 16.6 → 13.3 % of a core,
     * kernel 13 → 5 % of samples.
     */
    public static Encoder h264TestSignal(Rendition rendition, int fps, int gopFrames) {
        return h264(rendition, fps, gopFrames, "qp=26:subme=0:partitions=none:threads=1", false);
    }

    /** @param capped whether the rendition's bitrate caps the stream (VBV); constant QP has no rate control to cap */
    private static Encoder h264(Rendition rendition, int fps, int gopFrames, String x264Params, boolean capped) {
        AVCodec codec = avcodec_find_encoder_by_name("libx264");
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.width(rendition.width()).height(rendition.height()).pix_fmt(AV_PIX_FMT_YUV420P);
        c.time_base(av_make_q(1, fps)).framerate(av_make_q(fps, 1));
        c.gop_size(gopFrames).keyint_min(gopFrames).max_b_frames(0);
        long bitRate = rendition.videoKbps() * 1000L;
        c.bit_rate(bitRate);
        if (capped) {
            c.rc_max_rate(bitRate).rc_buffer_size((int) Math.min(Integer.MAX_VALUE, 2 * bitRate));
        }
        c.colorspace(AVCOL_SPC_BT709).color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709);
        c.color_range(AVCOL_RANGE_MPEG);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "preset", X264_PRESET, 0);
        av_dict_set(options, "tune", "zerolatency", 0);
        av_dict_set(options, "sc_threshold", "0", 0);
        if (x264Params != null) {
            av_dict_set(options, "x264-params", x264Params, 0);
        }
        return open(c, codec, options, "libx264 " + rendition.name());
    }

    /**
     * libx264 for a file encoded once (no zero-latency tuning: lookahead and frame threads are worth their delay), a
     * fixed GOP of {@code gopFrames} without B-frames, so decode order is display order and each GOP can be a segment.
     */
    public static Encoder h264(int width, int height, int videoKbps, int fps, int gopFrames, String preset) {
        AVCodec codec = avcodec_find_encoder_by_name("libx264");
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P);
        c.time_base(av_make_q(1, fps)).framerate(av_make_q(fps, 1));
        c.gop_size(gopFrames).keyint_min(gopFrames).max_b_frames(0);
        long bitRate = videoKbps * 1000L;
        c.bit_rate(bitRate).rc_max_rate(bitRate * 3 / 2).rc_buffer_size((int) Math.min(Integer.MAX_VALUE, 2 * bitRate));
        c.colorspace(AVCOL_SPC_BT709).color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709);
        c.color_range(AVCOL_RANGE_MPEG);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "preset", preset, 0);
        av_dict_set(options, "sc_threshold", "0", 0);
        return open(c, codec, options, "libx264 " + width + "x" + height);
    }

    /** FFmpeg's native AAC-LC encoder, planar float input. */
    public static Encoder aac(int sampleRate, int channels, int bitRate) {
        AVCodec codec = avcodec_find_encoder_by_name("aac");
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.sample_rate(sampleRate).sample_fmt(AV_SAMPLE_FMT_FLTP).bit_rate(bitRate);
        c.time_base(av_make_q(1, sampleRate));
        av_channel_layout_default(c.ch_layout(), channels);
        return open(c, codec, new AVDictionary(null), "aac");
    }

    private static Encoder open(AVCodecContext c, AVCodec codec, AVDictionary options, String name) {
        try {
            FfmpegError.check(avcodec_open2(c, codec, options), "cannot open the " + name + " encoder");
            if (av_dict_count(options) > 0) {
                throw new MediaException("the " + name + " encoder ignored options it should know");
            }
            return new Encoder(c);
        } catch (RuntimeException e) {
            avcodec_free_context(c);
            throw e;
        } finally {
            av_dict_free(options);
        }
    }

    public AVCodecContext context() {
        return context;
    }

    public AVRational timeBase() {
        return context.time_base();
    }

    /**
     * Sends {@code frame} ({@code null} drains the encoder) and passes every finished packet to {@code sink},
     * which takes ownership (must {@code av_packet_free} it).
     */
    public void encode(AVFrame frame, Consumer<AVPacket> sink) {
        FfmpegError.check(avcodec_send_frame(context, frame), "cannot encode a frame");
        while (true) {
            int ret = avcodec_receive_packet(context, received);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF()) {
                return;
            }
            FfmpegError.check(ret, "cannot encode a frame");
            AVPacket owned = av_packet_alloc();
            av_packet_move_ref(owned, received);
            sink.accept(owned);
        }
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(received);
    }
}
