package io.clipdesk.media;

import io.clipdesk.engine.stream.Rendition;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

import java.awt.image.BufferedImage;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Puts the test pattern's YUV 4:2:0 picture into one frame per rendition: the full-size one as it is, smaller
 * ones scaled from it by swscale (a 2:1 YUV scale, no second paint); and makes the segment thumbnail from it.
 */
final class PictureScaler implements AutoCloseable {

    private final int width;
    private final int height;
    private final AVFrame full;
    private final AVFrame small;
    private final SwsContext toThumbnail;
    private final int[] thumbnailPixels = new int[Thumbnailer.WIDTH * Thumbnailer.HEIGHT];
    private final BufferedImage thumbnail = new BufferedImage(Thumbnailer.WIDTH, Thumbnailer.HEIGHT,
            BufferedImage.TYPE_INT_RGB);
    private final List<AVFrame> outputs = new ArrayList<>();
    private final List<SwsContext> scalers = new ArrayList<>();

    PictureScaler(int width, int height, List<Rendition> renditions) {
        this.width = width;
        this.height = height;
        full = frame(AV_PIX_FMT_YUV420P, width, height);
        small = frame(AV_PIX_FMT_BGRA, Thumbnailer.WIDTH, Thumbnailer.HEIGHT);
        toThumbnail = context(width, height, Thumbnailer.WIDTH, Thumbnailer.HEIGHT, AV_PIX_FMT_BGRA);
        for (Rendition r : renditions) {
            boolean same = r.width() == width && r.height() == height;
            outputs.add(same ? full : frame(AV_PIX_FMT_YUV420P, r.width(), r.height()));
            scalers.add(same ? null : context(width, height, r.width(), r.height(), AV_PIX_FMT_YUV420P));
        }
    }

    /**
     * Takes the pattern's planes; returns the frames in rendition order, valid until the next call. Frames are
     * made writable first because an encoder may still hold a reference to last call's buffers.
     */
    List<AVFrame> convert(TestPattern pattern) {
        FfmpegError.check(av_frame_make_writable(full), "cannot allocate a video frame");
        copyPlane(pattern.lumaPlane(), full, 0, width, height);
        copyPlane(pattern.cbPlane(), full, 1, width / 2, height / 2);
        copyPlane(pattern.crPlane(), full, 2, width / 2, height / 2);
        for (int i = 0; i < outputs.size(); i++) {
            if (scalers.get(i) != null) {
                FfmpegError.check(av_frame_make_writable(outputs.get(i)), "cannot allocate a video frame");
                FfmpegError.check(sws_scale_frame(scalers.get(i), outputs.get(i), full), "cannot scale the picture");
            }
        }
        return outputs;
    }

    /** The last converted picture at thumbnail size. */
    BufferedImage thumbnail() {
        FfmpegError.check(sws_scale_frame(toThumbnail, small, full), "cannot scale a thumbnail");
        IntPointer row = new IntPointer(small.data(0));
        int stride = small.linesize(0) / 4;
        for (int y = 0; y < Thumbnailer.HEIGHT; y++) {
            row.position((long) y * stride).get(thumbnailPixels, y * Thumbnailer.WIDTH, Thumbnailer.WIDTH);
        }
        thumbnail.setRGB(0, 0, Thumbnailer.WIDTH, Thumbnailer.HEIGHT, thumbnailPixels, 0, Thumbnailer.WIDTH);
        return thumbnail;
    }

    private static void copyPlane(byte[] plane, AVFrame frame, int index, int w, int h) {
        BytePointer target = frame.data(index);
        int stride = frame.linesize(index);
        if (stride == w) {
            target.position(0).put(plane, 0, w * h);
        } else {
            for (int y = 0; y < h; y++) {
                target.position((long) y * stride).put(plane, y * w, w);
            }
        }
        target.position(0);
    }

    private static AVFrame frame(int format, int w, int h) {
        AVFrame f = av_frame_alloc();
        f.format(format).width(w).height(h);
        FfmpegError.check(av_frame_get_buffer(f, 0), "cannot allocate a " + w + "x" + h + " frame");
        return f;
    }

    private static SwsContext context(int srcW, int srcH, int dstW, int dstH, int dstFormat) {
        SwsContext c = sws_getContext(srcW, srcH, AV_PIX_FMT_YUV420P, dstW, dstH, dstFormat, SWS_BILINEAR,
                null, null, (double[]) null);
        if (c == null) {
            throw new io.clipdesk.engine.MediaException("cannot scale " + srcW + "x" + srcH + " to " + dstW + "x" + dstH);
        }
        // BT.709, limited range: what the pattern is drawn in and the encoders declare; the thumbnail is full-range RGB.
        IntPointer bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(c, bt709, 0, bt709, dstFormat == AV_PIX_FMT_BGRA ? 1 : 0, 0, 1 << 16, 1 << 16);
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
        sws_freeContext(toThumbnail);
        av_frame_free(small);
        av_frame_free(full);
    }
}
