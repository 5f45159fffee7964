package io.clipdesk.media;

import io.clipdesk.engine.MediaException;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** Turns FFmpeg's negative return codes into {@link MediaException}s that say what was being done. */
public final class FfmpegError {

    private FfmpegError() {
    }

    /** Returns {@code ret} when it is not an error, otherwise throws with {@code what} and FFmpeg's own words. */
    public static int check(int ret, String what) {
        if (ret < 0) {
            throw new MediaException(what + ": " + describe(ret));
        }
        return ret;
    }

    public static String describe(int ret) {
        byte[] text = new byte[256];
        if (av_strerror(ret, text, text.length) < 0) {
            return "FFmpeg error " + ret;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
