package io.clipdesk.media;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

/**
 * FFmpeg's log, one sink for the whole process (FFmpeg has a single log callback). Its errors go to the app's log,
 * as FFmpeg's own console printed them before; its warnings stay quiet, except the one that matters: the RTMP
 * listener's "Unexpected stream X, expecting Y". FFmpeg compares the stream key an encoder publishes with the one
 * in the listen URL (rtmpproto.c, send_invoke_response, on FCPublish and publish), logs that warning when they
 * differ, and takes the push anyway — it is FFmpeg's only word on a wrong key, so it is handed to the listener
 * that is watching for it, which then aborts its input.
 * <p>
 * The listener is found by thread: FFmpeg's RTMP protocol does all its work on the thread that opens or reads
 * the input, so the warning is logged on the listener's own ingest thread. bytedeco's {@link LogCallback} formats
 * the line natively and passes on only lines at or above FFmpeg's log level, so the level is kept at warnings
 * (debug and trace lines never cross into Java). Like {@link InterruptCallback}, this is static state because
 * the native callback is one per process.
 */
public final class FfmpegLog {

    private static final System.Logger LOG = System.getLogger("ffmpeg");
    private static final String UNEXPECTED = "Unexpected stream ";
    private static final String EXPECTING = ", expecting ";
    private static final ThreadLocal<KeyWatch> WATCHES = new ThreadLocal<>();

    private static final LogCallback SINK = new LogCallback() {
        @Override
        public void call(int level, BytePointer line) {
            try {
                take(level, line.getString());
            } catch (RuntimeException e) {
                // never let an exception unwind into FFmpeg
            }
        }
    };

    private record KeyWatch(String expectedKey, Runnable onWrongKey) {
    }

    /** A thread's watch for a wrong stream key; closed on the same thread. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private FfmpegLog() {
    }

    /** Routes FFmpeg's log here, at warnings: FFmpeg's default level (info) would send its chatter through Java. */
    public static void install() {
        av_log_set_level(AV_LOG_WARNING);
        setLogCallback(SINK);
    }

    /**
     * Calls {@code onWrongKey} when an RTMP encoder talking to a listener on this thread publishes another key
     * than {@code expectedKey}. It runs inside FFmpeg's call, before FFmpeg answers the encoder: it must be quick
     * and never throw.
     */
    public static Registration watchStreamKey(String expectedKey, Runnable onWrongKey) {
        // Again, as a library may have quieted FFmpeg or taken its callback since start-up; a level more verbose
        // than warnings, set on purpose, is kept.
        if (av_log_get_level() < AV_LOG_WARNING) {
            av_log_set_level(AV_LOG_WARNING);
        }
        setLogCallback(SINK);
        WATCHES.set(new KeyWatch(expectedKey, onWrongKey));
        return WATCHES::remove;
    }

    static void take(int level, String line) {
        String text = line.strip();
        KeyWatch watch = WATCHES.get();
        if (watch != null && level == AV_LOG_WARNING && text.contains(UNEXPECTED)
                && text.endsWith(EXPECTING + watch.expectedKey())) {
            watch.onWrongKey().run();
        } else if (level <= AV_LOG_ERROR) {
            LOG.log(System.Logger.Level.WARNING, text);
        } else {
            LOG.log(System.Logger.Level.DEBUG, text);
        }
    }
}
