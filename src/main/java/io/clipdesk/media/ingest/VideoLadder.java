package io.clipdesk.media.ingest;

import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.segment.TsSegmentWriter;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Decodes a source's video and encodes it into every rung of the stream's ladder with libx264, as the test signal
 * does: the same fixed GOP (one target segment) in every rung, so the rungs' keyframes fall on the same frames.
 * Frame n of the output is stamped n / fps on the source's own clock, so the rungs and the source's audio stay
 * on one timeline; frames that would repeat a stamp (a faster source) are dropped.
 */
public final class VideoLadder implements AutoCloseable {

    private static final int DEFAULT_FPS = 25;

    private final AVCodecContext decoder;
    private final AVRational sourceTimeBase;
    private final int fps;
    private final List<Rendition> ladder;
    private final List<Encoder> encoders = new ArrayList<>();
    private final List<AVFrame> scaled = new ArrayList<>();
    private final List<SwsContext> scalers = new ArrayList<>();
    private final AVFrame decoded = av_frame_alloc();
    private long lastFrame = Long.MIN_VALUE;
    private int scalerKey = -1;

    VideoLadder(AVStream source, AVRational frameRate, List<Rendition> ladder, int segmentDurationMs) {
        this.ladder = List.copyOf(ladder);
        this.sourceTimeBase = av_make_q(source.time_base().num(), source.time_base().den());
        int guessed = frameRate.num() > 0 && frameRate.den() > 0
                ? (int) Math.round((double) frameRate.num() / frameRate.den()) : DEFAULT_FPS;
        this.fps = Math.max(1, Math.min(60, guessed));
        int gopFrames = Math.max(1, Math.round(fps * segmentDurationMs / 1000f));
        AVCodec codec = avcodec_find_decoder(source.codecpar().codec_id());
        AVCodecContext c = avcodec_alloc_context3(codec);
        try {
            if (codec == null) {
                throw new io.clipdesk.engine.MediaException("no decoder for the source's video codec");
            }
            FfmpegError.check(avcodec_parameters_to_context(c, source.codecpar()), "cannot set up the video decoder");
            c.pkt_timebase(sourceTimeBase);
            FfmpegError.check(avcodec_open2(c, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null),
                    "cannot open the video decoder");
            for (Rendition r : ladder) {
                encoders.add(Encoder.h264(r, fps, gopFrames));
                AVFrame f = av_frame_alloc();
                f.format(AV_PIX_FMT_YUV420P).width(r.width()).height(r.height());
                FfmpegError.check(av_frame_get_buffer(f, 0), "cannot allocate a " + r.name() + " frame");
                scaled.add(f);
                scalers.add(null);
            }
        } catch (RuntimeException e) {
            avcodec_free_context(c);
            freeRest();
            throw e;
        }
        this.decoder = c;
    }

    /** One track per rung, in ladder order. */
    List<TsSegmentWriter.Track> tracks() {
        return encoders.stream().map(TsSegmentWriter.Track::of).toList();
    }

    List<AVRational> timeBases() {
        return encoders.stream().map(Encoder::timeBase).toList();
    }

    /** Decodes {@code packet} (source time base) and hands every encoded packet to {@code out(rung, packet)}. */
    void transcode(AVPacket packet, BiConsumer<Integer, AVPacket> out) {
        FfmpegError.check(avcodec_send_packet(decoder, packet), "cannot decode the source's video");
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            long ts = decoded.best_effort_timestamp();
            if (ts != AV_NOPTS_VALUE) {
                long frame = av_rescale_q(ts, sourceTimeBase, av_make_q(1, fps));
                if (frame > lastFrame) {
                    lastFrame = frame;
                    encode(frame, out);
                }
            }
            av_frame_unref(decoded);
        }
    }

    private void encode(long frame, BiConsumer<Integer, AVPacket> out) {
        int key = (decoded.width() * 8191 + decoded.height()) * 64 + decoded.format();
        if (key != scalerKey) {
            for (int i = 0; i < ladder.size(); i++) {
                sws_freeContext(scalers.get(i));
                Rendition r = ladder.get(i);
                scalers.set(i, sws_getContext(decoded.width(), decoded.height(), decoded.format(), r.width(), r.height(),
                        AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (double[]) null));
            }
            scalerKey = key;
        }
        for (int i = 0; i < ladder.size(); i++) {
            AVFrame f = scaled.get(i);
            FfmpegError.check(av_frame_make_writable(f), "cannot allocate a video frame");
            FfmpegError.check(sws_scale_frame(scalers.get(i), f, decoded), "cannot scale the source's picture");
            f.pts(frame).pict_type(AV_PICTURE_TYPE_NONE);
            int rung = i;
            encoders.get(i).encode(f, p -> out.accept(rung, p));
        }
    }

    private void freeRest() {
        encoders.forEach(Encoder::close);
        scaled.forEach(f -> av_frame_free(f));
        scalers.forEach(s -> sws_freeContext(s));
        av_frame_free(decoded);
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        freeRest();
    }
}
