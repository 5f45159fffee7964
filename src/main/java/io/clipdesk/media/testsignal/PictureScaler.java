package io.clipdesk.media.testsignal;

import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.thumbnail.Thumbnailer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Puts the test pattern's YUV 4:2:0 picture into one frame per rendition: the full-size one as it is, a half-size
 * one (the default ladder's 360p) by averaging each 2x2 block, other sizes scaled by swscale; and makes the segment
 * thumbnail from it. Frames keep the last picture, so only the regions the pattern repainted are copied and
 * halved: per frame a few small rectangles instead of 1.4 MB copied and a whole swscale pass (perf on the live
 * bench: swscale and the copies were a fifth of the ingest thread's samples).
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
    /** Per rendition: whether it is exactly half the picture's size, made by {@link #halve}. */
    private final List<Boolean> halves = new ArrayList<>();
    private final byte[] halfY;
    private final byte[] halfU;
    private final byte[] halfV;

    PictureScaler(int width, int height, List<Rendition> renditions) {
        this.width = width;
        this.height = height;
        full = frame(AV_PIX_FMT_YUV420P, width, height);
        small = frame(AV_PIX_FMT_BGRA, Thumbnailer.WIDTH, Thumbnailer.HEIGHT);
        toThumbnail = context(width, height, Thumbnailer.WIDTH, Thumbnailer.HEIGHT, AV_PIX_FMT_BGRA);
        for (Rendition r : renditions) {
            boolean same = r.width() == width && r.height() == height;
            boolean half = width % 4 == 0 && height % 4 == 0 && r.width() * 2 == width && r.height() * 2 == height;
            outputs.add(same ? full : frame(AV_PIX_FMT_YUV420P, r.width(), r.height()));
            scalers.add(same || half ? null : context(width, height, r.width(), r.height(), AV_PIX_FMT_YUV420P));
            halves.add(half);
        }
        halfY = new byte[width / 2 * height / 2];
        halfU = new byte[width / 4 * height / 4];
        halfV = new byte[width / 4 * height / 4];
    }

    /**
     * Takes the pattern's planes; returns the frames in rendition order, valid until the next call. Frames are
     * made writable first because an encoder may still hold a reference to last call's buffers.
     */
    List<AVFrame> convert(TestPattern pattern) {
        // Writable keeps the content (copied if an encoder still held the buffer), so unchanged parts stay right.
        FfmpegError.check(av_frame_make_writable(full), "cannot allocate a video frame");
        for (TestPattern.Region r : pattern.damage()) {
            copyRegion(pattern.lumaPlane(), width, full, 0, r.x0(), r.y0(), r.x1(), r.y1());
            copyRegion(pattern.cbPlane(), width / 2, full, 1, r.x0() / 2, r.y0() / 2, r.x1() / 2, r.y1() / 2);
            copyRegion(pattern.crPlane(), width / 2, full, 2, r.x0() / 2, r.y0() / 2, r.x1() / 2, r.y1() / 2);
        }
        boolean halved = false;
        for (int i = 0; i < outputs.size(); i++) {
            AVFrame out = outputs.get(i);
            if (scalers.get(i) != null) {
                FfmpegError.check(av_frame_make_writable(out), "cannot allocate a video frame");
                FfmpegError.check(sws_scale_frame(scalers.get(i), out, full), "cannot scale the picture");
            } else if (halves.get(i)) {
                FfmpegError.check(av_frame_make_writable(out), "cannot allocate a video frame");
                for (TestPattern.Region r : pattern.damage()) {
                    if (!halved) {
                        halve(pattern.lumaPlane(), width, halfY, r.x0(), r.y0(), r.x1(), r.y1());
                        halve(pattern.cbPlane(), width / 2, halfU, r.x0() / 2, r.y0() / 2, r.x1() / 2, r.y1() / 2);
                        halve(pattern.crPlane(), width / 2, halfV, r.x0() / 2, r.y0() / 2, r.x1() / 2, r.y1() / 2);
                    }
                    copyRegion(halfY, width / 2, out, 0, r.x0() / 2, r.y0() / 2, r.x1() / 2, r.y1() / 2);
                    copyRegion(halfU, width / 4, out, 1, r.x0() / 4, r.y0() / 4, r.x1() / 4, r.y1() / 4);
                    copyRegion(halfV, width / 4, out, 2, r.x0() / 4, r.y0() / 4, r.x1() / 4, r.y1() / 4);
                }
                halved = true;
            }
        }
        return outputs;
    }

    /** The half-size plane of {@code plane} (row length {@code w}) over [x0, x1) × [y0, y1), both even: 2x2 means. */
    private static void halve(byte[] plane, int w, byte[] half, int x0, int y0, int x1, int y1) {
        int halfW = w / 2;
        for (int row = y0 / 2; row < y1 / 2; row++) {
            int top = 2 * row * w;
            int bottom = top + w;
            int target = row * halfW;
            for (int col = x0 / 2; col < x1 / 2; col++) {
                int sum = (plane[top + 2 * col] & 0xFF) + (plane[top + 2 * col + 1] & 0xFF)
                        + (plane[bottom + 2 * col] & 0xFF) + (plane[bottom + 2 * col + 1] & 0xFF);
                half[target + col] = (byte) ((sum + 2) >> 2);
            }
        }
    }

    /**
     * Copies [x0, x1) × [y0, y1) of {@code plane} (row length {@code w}) into the same place of a frame's plane,
     * through a view of the native buffer: one call into native code per region, not one per row.
     */
    private static void copyRegion(byte[] plane, int w, AVFrame frame, int index, int x0, int y0, int x1, int y1) {
        int stride = frame.linesize(index);
        ByteBuffer target = frame.data(index).capacity((long) stride * y1).asByteBuffer();
        int length = x1 - x0;
        for (int row = y0; row < y1; row++) {
            target.put(row * stride + x0, plane, row * w + x0, length);
        }
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
