package io.clipdesk.media.decode;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.media.FfmpegLog;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * {@link FrameDecoder} over javacv's FFmpegFrameGrabber, as measured in the DVR decoder spike (ARCHITECTURE.md):
 * one grabber per segment, BGRA output (an ARGB int on little-endian machines), forward decoding from the
 * segment's keyframe because {@code setTimestamp} fails on short TS segments, and frame offsets taken relative
 * to the first frame because TS timestamps start near 1.4 s.
 */
public final class FfmpegFrameDecoder implements FrameDecoder {

    private static final long DEFAULT_FRAME_US = 40_000;

    private final SoundDecoder sound = new FfmpegSoundDecoder();

    public FfmpegFrameDecoder() {
        FfmpegLog.install(); // not a lower log level: the RTMP listeners need FFmpeg's warnings (FfmpegLog)
    }

    @Override
    public Cursor open(SegmentMedia segment, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive");
        }
        return new FfmpegCursor(segment, width, height);
    }

    @Override
    public SoundDecoder sound() {
        return sound;
    }

    @Override
    public void warmUp() {
        try {
            FFmpegFrameGrabber.tryLoad();
        } catch (FrameGrabber.Exception e) {
            throw new MediaException("FFmpeg libraries cannot be loaded", e);
        }
    }

    private static final class FfmpegCursor implements Cursor {
        private final SegmentMedia file;
        private final int width;
        private final int height;
        private FFmpegFrameGrabber grabber;
        private long baseUs = Long.MIN_VALUE;
        private long lastOffsetUs = -1;
        private long frameUs = DEFAULT_FRAME_US;
        /**
         * The first picture, decoded and converted where the cursor was opened: the player opens the next segment
         * ahead on a thread of its own, and the first picture's decode (a keyframe, and the scaler's set-up) would
         * otherwise fall on the player thread, making each segment's first picture late.
         */
        private Frame first;

        FfmpegCursor(SegmentMedia file, int width, int height) {
            this.file = file;
            this.width = width;
            this.height = height;
            start();
            if (!file.isGrowing()) {
                first = grab(true); // a segment being written would wait here for its first picture
            }
        }

        /** The first picture decoded ahead, once; null when there is none or it was handed out. */
        private Frame takeFirst() {
            Frame f = first;
            first = null;
            return f;
        }

        private void start() {
            FFmpegFrameGrabber g = SegmentGrabbers.of(file);
            if (file.isGrowing()) {
                // Frame threads hold each picture back a frame per thread; a 360p picture decodes fast on one.
                g.setVideoOption("threads", "1");
            }
            g.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
            g.setImageWidth(width);
            g.setImageHeight(height);
            try {
                SegmentGrabbers.start(g, file);
            } catch (FrameGrabber.Exception e) {
                release(g);
                throw new MediaException("cannot open segment " + file.name(), e);
            }
            double fps = g.getFrameRate();
            // Unprobed, FFmpeg's guess may be the field rate: a growing segment measures its frames as they come.
            frameUs = fps > 1 && fps < 1000 && !file.isGrowing() ? Math.round(1_000_000 / fps) : DEFAULT_FRAME_US;
            grabber = g;
            baseUs = Long.MIN_VALUE;
            lastOffsetUs = -1;
        }

        @Override
        public long next(int[] argb) {
            Frame ahead = takeFirst();
            Frame frame = ahead != null ? ahead : grab(true);
            if (frame == null) {
                return -1;
            }
            copy(frame, argb);
            return lastOffsetUs;
        }

        @Override
        public long seek(long offsetUs, int[] argb) {
            Frame ahead = takeFirst();
            if (ahead != null && offsetUs < lastOffsetUs + frameUs) {
                copy(ahead, argb);
                return lastOffsetUs;
            }
            if (ahead == null && lastOffsetUs >= 0 && offsetUs < lastOffsetUs + frameUs) {
                close();
                start();
            }
            while (true) {
                // Convert colours only for the frame whose display interval covers the target (CFR assumed;
                // a late guess just shows the next frame).
                long expectedUs = lastOffsetUs < 0 ? 0 : lastOffsetUs + frameUs;
                boolean wanted = expectedUs + frameUs > offsetUs;
                long previousUs = lastOffsetUs;
                Frame frame = grab(wanted);
                if (frame == null) {
                    if (previousUs < 0) {
                        return -1;
                    }
                    // Ran past the end without converting: reopen and stop on the last frame seen.
                    close();
                    start();
                    return seek(previousUs, argb);
                }
                if (wanted) {
                    copy(frame, argb);
                    return lastOffsetUs;
                }
            }
        }

        private Frame grab(boolean convert) {
            try {
                Frame frame;
                do {
                    frame = grabber.grabFrame(false, true, convert, false, false);
                } while (frame != null && frame.image == null);
                if (frame == null) {
                    return null;
                }
                if (baseUs == Long.MIN_VALUE) {
                    baseUs = frame.timestamp;
                }
                long offsetUs = Math.max(0, frame.timestamp - baseUs);
                if (file.isGrowing() && lastOffsetUs >= 0 && offsetUs > lastOffsetUs) {
                    frameUs = offsetUs - lastOffsetUs;
                }
                lastOffsetUs = offsetUs;
                return frame;
            } catch (FrameGrabber.Exception e) {
                throw new MediaException("cannot decode segment " + file.name(), e);
            }
        }

        private void copy(Frame frame, int[] argb) {
            if (argb.length < width * height) {
                throw new IllegalArgumentException("picture buffer holds " + argb.length + " pixels, needs "
                        + width * height);
            }
            ByteBuffer bytes = ((ByteBuffer) frame.image[0]).duplicate();
            int strideInts = frame.imageStride / 4; // imageStride counts bytes; rows are padded for SIMD
            IntBuffer ints = bytes.position(0).slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            int rows = Math.min(height, frame.imageHeight);
            int cols = Math.min(width, frame.imageWidth);
            for (int y = 0; y < rows; y++) {
                ints.get(y * strideInts, argb, y * width, cols);
            }
            // swscale leaves alpha at 0 for some sources; the picture is always opaque.
            for (int i = 0, n = width * height; i < n; i++) {
                argb[i] |= 0xFF000000;
            }
        }

        @Override
        public long frameDurationUs() {
            return frameUs;
        }

        @Override
        public void close() {
            first = null;
            if (grabber != null) {
                release(grabber);
                grabber = null;
            }
        }

        private static void release(FFmpegFrameGrabber g) {
            try {
                g.close();
            } catch (FrameGrabber.Exception e) {
                // Closing a half-open native context: nothing left to recover.
            }
        }
    }
}
