package io.clipdesk.media;

import io.clipdesk.engine.Rendition;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.IntPointer;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Turns the painted 1280x720 picture into one YUV 4:2:0 frame per rendition. The colour conversion runs once at
 * full size; smaller renditions are scaled from that YUV frame, which is cheaper than scaling RGB again.
 */
final class PictureScaler implements AutoCloseable {

    private final int width;
    private final int height;
    private final AVFrame rgb;
    private final AVFrame full;
    private final SwsContext toYuv;
    private final List<AVFrame> outputs = new ArrayList<>();
    private final List<SwsContext> scalers = new ArrayList<>();

    PictureScaler(int width, int height, List<Rendition> renditions) {
        this.width = width;
        this.height = height;
        // The pixels carry no alpha, but swscale has SIMD input code for BGRA and not for BGR0: half the cost.
        rgb = frame(AV_PIX_FMT_BGRA, width, height);
        full = frame(AV_PIX_FMT_YUV420P, width, height);
        toYuv = context(AV_PIX_FMT_BGRA, width, height, width, height);
        for (Rendition r : renditions) {
            boolean same = r.width() == width && r.height() == height;
            outputs.add(same ? full : frame(AV_PIX_FMT_YUV420P, r.width(), r.height()));
            scalers.add(same ? null : context(AV_PIX_FMT_YUV420P, width, height, r.width(), r.height()));
        }
    }

    /**
     * Converts packed 0x00RRGGBB pixels; returns the frames in rendition order, valid until the next call.
     * Frames are made writable first because an encoder may still hold a reference to last call's buffers.
     */
    List<AVFrame> convert(int[] pixels) {
        IntPointer target = new IntPointer(rgb.data(0));
        if (rgb.linesize(0) == width * 4) {
            target.put(pixels, 0, width * height);
        } else {
            int stride = rgb.linesize(0) / 4;
            for (int y = 0; y < height; y++) {
                target.position((long) y * stride).put(pixels, y * width, width);
            }
        }
        FfmpegError.check(av_frame_make_writable(full), "cannot allocate a video frame");
        FfmpegError.check(sws_scale_frame(toYuv, full, rgb), "cannot convert the picture to YUV");
        for (int i = 0; i < outputs.size(); i++) {
            if (scalers.get(i) != null) {
                FfmpegError.check(av_frame_make_writable(outputs.get(i)), "cannot allocate a video frame");
                FfmpegError.check(sws_scale_frame(scalers.get(i), outputs.get(i), full), "cannot scale the picture");
            }
        }
        return outputs;
    }

    private static AVFrame frame(int format, int w, int h) {
        AVFrame f = av_frame_alloc();
        f.format(format).width(w).height(h);
        FfmpegError.check(av_frame_get_buffer(f, 0), "cannot allocate a " + w + "x" + h + " frame");
        return f;
    }

    private static SwsContext context(int srcFormat, int srcW, int srcH, int dstW, int dstH) {
        SwsContext c = sws_getContext(srcW, srcH, srcFormat, dstW, dstH, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                null, null, (double[]) null);
        if (c == null) {
            throw new io.clipdesk.engine.MediaException("cannot scale " + srcW + "x" + srcH + " to " + dstW + "x" + dstH);
        }
        // BT.709, limited range: what the encoders declare.
        IntPointer bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(c, bt709, srcFormat == AV_PIX_FMT_BGRA ? 1 : 0, bt709, 0, 0, 1 << 16, 1 << 16);
        return c;
    }

    @Override
    public void close() {
        for (int i = 0; i < outputs.size(); i++) {
            if (scalers.get(i) != null) {
                sws_freeContext(scalers.get(i));
                av_frame_free(outputs.get(i));
            }
        }
        sws_freeContext(toYuv);
        av_frame_free(full);
        av_frame_free(rgb);
    }
}
