package io.clipdesk.media.decode;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentMedia;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * How the desk's picture and sound decoders open a DVR segment: a finished one from memory, the one being written as
 * a stream that waits for its bytes.
 */
final class SegmentGrabbers {

    private SegmentGrabbers() {
    }

    static FFmpegFrameGrabber of(SegmentMedia segment) {
        return of(segment, new byte[0]);
    }

    /** As {@link #of(SegmentMedia)}, the segment's bytes read after {@code prefix} (MPEG-TS packets). */
    static FFmpegFrameGrabber of(SegmentMedia segment, byte[] prefix) {
        if (!segment.isGrowing()) {
            // Read from memory (a stream over an array, whose mark is never dropped); the size as mark limit lets
            // the demuxer seek anywhere in it while probing.
            InputStream in = prefix.length == 0 ? segment.open() : new ByteArrayInputStream(prefixed(prefix, segment));
            return new FFmpegFrameGrabber(in, prefix.length + segment.sizeBytes());
        }
        InputStream in = prefix.length == 0 ? segment.open()
                : new SequenceInputStream(new ByteArrayInputStream(prefix), segment.open());
        // A segment still being written has no end to seek to (FFmpeg would wait at the end for the duration): not
        // seekable, known to be MPEG-TS, and started on its first packets rather than after the 20 pictures FFmpeg
        // reads to guess a frame rate.
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(in, 0);
        g.setFormat("mpegts");
        g.setOption("fpsprobesize", "0");
        return g;
    }

    private static byte[] prefixed(byte[] prefix, SegmentMedia segment) {
        try (InputStream in = segment.open()) {
            byte[] bytes = in.readAllBytes();
            byte[] all = Arrays.copyOf(prefix, prefix.length + bytes.length);
            System.arraycopy(bytes, 0, all, prefix.length, bytes.length);
            return all;
        } catch (IOException e) {
            throw new MediaException("cannot read segment " + segment.name(), e);
        }
    }

    /**
     * Starts the grabber. JavaCV's {@code start()} holds one process-wide lock while it probes, and probing a growing
     * segment waits for bytes the encoder has not written yet: every other decoder of the process (other desks, the
     * clips' previews, closing a cursor) would wait behind it. FFmpeg's own open is thread-safe, so a growing segment
     * starts without that lock.
     */
    static void start(FFmpegFrameGrabber g, SegmentMedia segment) throws FrameGrabber.Exception {
        if (segment.isGrowing()) {
            g.startUnsafe();
        } else {
            g.start();
        }
    }
}
