package io.clipdesk.media;

import io.clipdesk.engine.MediaException;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

/**
 * Loads the native FFmpeg libraries. The first load in a JVM costs a few hundred milliseconds (unpacking and
 * linking the bytedeco natives), so the app calls {@link #warmUp()} at start rather than paying it inside the
 * first ingest or remux. Later calls are cheap: the libraries are already linked.
 */
public final class MediaRuntime {

    private MediaRuntime() {
    }

    /**
     * Links FFmpeg, routes its log through {@link FfmpegLog} (errors to the app's log), and checks that the GPL
     * build with libx264 is present.
     *
     * @return milliseconds spent
     * @throws MediaException when the natives cannot be loaded or libx264 is missing
     */
    public static long warmUp() {
        long startNs = System.nanoTime();
        try {
            FfmpegLog.install();
            if (avcodec_find_encoder_by_name("libx264") == null) {
                throw new MediaException("the FFmpeg build has no libx264 encoder (the GPL build is required)");
            }
            if (avcodec_find_encoder_by_name("aac") == null) {
                throw new MediaException("the FFmpeg build has no AAC encoder");
            }
        } catch (LinkageError e) {
            throw new MediaException("cannot load the FFmpeg native libraries: " + e.getMessage(), e);
        }
        return (System.nanoTime() - startNs) / 1_000_000;
    }
}
