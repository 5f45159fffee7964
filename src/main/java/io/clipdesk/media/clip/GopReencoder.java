package io.clipdesk.media.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.ingest.SegmentCutter;
import io.clipdesk.media.segment.TsSegmentReader;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Decodes one GOP of any codec FFmpeg reads and encodes the frames asked for into a new closed H.264 GOP with the
 * DVR's own encoder settings ({@link Encoder#h264}), so for x264 DVR media the parameter sets come out identical.
 * The new packets carry the DVR's timestamps: frame n of the output is stamped with the n-th kept frame's pts, and
 * decode times sit the source's reorder delay before that, so decode order continues across a splice.
 */
final class GopReencoder implements AutoCloseable {

    private final AVCodecContext decoder;
    private final Encoder encoder;
    private final Rendition rendition;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame scaled = av_frame_alloc();
    private SwsContext scaler;
    private int scalerKey = -1;

    /** @param source the segment's video parameters, its packets in 90 kHz */
    GopReencoder(AVCodecParameters source, Rendition rendition, int fps, int gopFrames) {
        this.rendition = rendition;
        AVCodec codec = avcodec_find_decoder(source.codec_id());
        AVCodecContext c = avcodec_alloc_context3(codec);
        Encoder built = null;
        try {
            if (codec == null) {
                throw new MediaException("no decoder for the segment's video codec");
            }
            FfmpegError.check(avcodec_parameters_to_context(c, source), "cannot set up the video decoder");
            c.pkt_timebase(TsSegmentReader.CLOCK_90K);
            FfmpegError.check(avcodec_open2(c, codec, (AVDictionary) null), "cannot open the video decoder");
            built = Encoder.h264(rendition, fps, gopFrames);
            scaled.format(AV_PIX_FMT_YUV420P).width(rendition.width()).height(rendition.height());
            FfmpegError.check(av_frame_get_buffer(scaled, 0), "cannot allocate a " + rendition.name() + " frame");
        } catch (RuntimeException e) {
            avcodec_free_context(c);
            if (built != null) {
                built.close();
            }
            freeFrames();
            throw e;
        }
        this.decoder = c;
        this.encoder = built;
    }

    /** Parameters of the stream this encoder writes (the caller frees them). */
    AVCodecParameters parameters() {
        AVCodecParameters params = avcodec_parameters_alloc();
        FfmpegError.check(avcodec_parameters_from_context(params, encoder.context()), "cannot describe the new GOP");
        return params;
    }

    /**
     * Decodes {@code packets} (decode order, 90 kHz) and encodes the frames whose pts {@code keep} accepts.
     *
     * @param dtsDelayTicks how far the source's decode times run behind its presentation times
     * @return the new packets in decode order, 90 kHz; the caller frees them
     */
    List<AVPacket> reencode(List<AVPacket> packets, LongPredicate keep, long dtsDelayTicks) {
        List<Long> keptPts = new ArrayList<>();
        List<AVPacket> out = new ArrayList<>();
        try {
            for (AVPacket p : packets) {
                FfmpegError.check(avcodec_send_packet(decoder, p), "cannot decode the segment's video");
                receive(keep, keptPts, out);
            }
            FfmpegError.check(avcodec_send_packet(decoder, null), "cannot decode the segment's video");
            receive(keep, keptPts, out);
            encoder.encode(null, out::add);
            if (out.size() != keptPts.size()) {
                throw new MediaException("re-encoding gave " + out.size() + " pictures for " + keptPts.size());
            }
            for (AVPacket p : out) {
                // No B-frames: packet n is frame n; its decode time is the source's, reorder delay included.
                long pts = keptPts.get((int) p.pts());
                p.pts(pts).dts(pts - dtsDelayTicks).duration(0);
            }
            return out;
        } catch (RuntimeException e) {
            SegmentCutter.freeAll(out);
            throw e;
        }
    }

    private void receive(LongPredicate keep, List<Long> keptPts, List<AVPacket> out) {
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            try {
                long pts = decoded.best_effort_timestamp();
                if (pts != AV_NOPTS_VALUE && keep.test(pts)) {
                    AVFrame picture = picture();
                    picture.pts(keptPts.size()).pict_type(AV_PICTURE_TYPE_NONE);
                    keptPts.add(pts);
                    encoder.encode(picture, out::add);
                }
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    /** The decoded picture as the rendition's YUV 4:2:0 at its size (scaled only when it is not already). */
    private AVFrame picture() {
        if (decoded.width() == rendition.width() && decoded.height() == rendition.height()
                && decoded.format() == AV_PIX_FMT_YUV420P) {
            return decoded;
        }
        int key = (decoded.width() * 8191 + decoded.height()) * 64 + decoded.format();
        if (key != scalerKey) {
            sws_freeContext(scaler);
            scaler = sws_getContext(decoded.width(), decoded.height(), decoded.format(), rendition.width(),
                    rendition.height(), AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (double[]) null);
            scalerKey = key;
        }
        FfmpegError.check(av_frame_make_writable(scaled), "cannot allocate a video frame");
        FfmpegError.check(sws_scale_frame(scaler, scaled, decoded), "cannot scale the segment's picture");
        return scaled;
    }

    private void freeFrames() {
        av_frame_free(decoded);
        av_frame_free(scaled);
        sws_freeContext(scaler);
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        encoder.close();
        freeFrames();
    }
}
