package io.clipdesk.media.thumbnail;

import io.clipdesk.media.FfmpegError;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.IntPointer;

import java.awt.image.BufferedImage;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Decodes a segment's leading keyframe on its own into the small picture the timeline shows. Costs one
 * intra-frame decode per segment (a few ms at 1080p), which is what a remuxed source pays for thumbnails.
 */
public final class KeyframePicture implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KeyframePicture.class.getName());

    private final AVCodecContext decoder;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame small = av_frame_alloc();
    private final BufferedImage image = new BufferedImage(Thumbnailer.WIDTH, Thumbnailer.HEIGHT,
            BufferedImage.TYPE_INT_RGB);
    private final int[] pixels = new int[Thumbnailer.WIDTH * Thumbnailer.HEIGHT];
    private SwsContext scaler;
    private int scalerKey = -1;

    public KeyframePicture(AVCodecParameters params) {
        AVCodec codec = avcodec_find_decoder(params.codec_id());
        AVCodecContext c = avcodec_alloc_context3(codec);
        try {
            FfmpegError.check(avcodec_parameters_to_context(c, params), "cannot set up a picture decoder");
            c.thread_count(1); // one frame at a time: frame threads would only add delay here
            FfmpegError.check(avcodec_open2(c, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null),
                    "cannot open a picture decoder");
        } catch (RuntimeException e) {
            avcodec_free_context(c);
            av_frame_free(decoded);
            av_frame_free(small);
            throw e;
        }
        decoder = c;
        small.format(AV_PIX_FMT_BGRA).width(Thumbnailer.WIDTH).height(Thumbnailer.HEIGHT);
        FfmpegError.check(av_frame_get_buffer(small, 0), "cannot allocate a thumbnail frame");
    }

    /** The keyframe's picture, or null when it does not decode (the segment is kept; only its thumbnail is stale). */
    public BufferedImage picture(AVPacket keyframe) {
        try {
            avcodec_flush_buffers(decoder);
            FfmpegError.check(avcodec_send_packet(decoder, keyframe), "cannot decode a keyframe");
            avcodec_send_packet(decoder, null);
            if (avcodec_receive_frame(decoder, decoded) < 0) {
                return null;
            }
            scale();
            av_frame_unref(decoded);
            return image;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no thumbnail for a segment: {0}", e.getMessage());
            return null;
        }
    }

    private void scale() {
        int key = (decoded.width() * 8191 + decoded.height()) * 64 + decoded.format();
        if (key != scalerKey) {
            sws_freeContext(scaler);
            scaler = sws_getContext(decoded.width(), decoded.height(), decoded.format(), Thumbnailer.WIDTH,
                    Thumbnailer.HEIGHT, AV_PIX_FMT_BGRA, SWS_BILINEAR, null, null, (double[]) null);
            scalerKey = key;
        }
        FfmpegError.check(sws_scale_frame(scaler, small, decoded), "cannot scale a thumbnail");
        IntPointer row = new IntPointer(small.data(0));
        int stride = small.linesize(0) / 4;
        for (int y = 0; y < Thumbnailer.HEIGHT; y++) {
            row.position((long) y * stride).get(pixels, y * Thumbnailer.WIDTH, Thumbnailer.WIDTH);
        }
        image.setRGB(0, 0, Thumbnailer.WIDTH, Thumbnailer.HEIGHT, pixels, 0, Thumbnailer.WIDTH);
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        av_frame_free(decoded);
        av_frame_free(small);
        sws_freeContext(scaler);
    }
}
