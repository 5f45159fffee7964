package io.clipdesk.media;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The routing of FFmpeg's wrong-key warning to the listener on the thread that logged it. */
class FfmpegLogTest {

    private static final String WRONG_KEY = "[rtmp @ 0x7f3a2c0012c0] Unexpected stream not-the-key, expecting abcdef\n";

    @Test
    void wrongKeyWarning_forTheKeyThisThreadListensWith_isHandedToItsListener() {
        AtomicInteger refusals = new AtomicInteger();
        try (FfmpegLog.Registration watch = FfmpegLog.watchStreamKey("abcdef", refusals::incrementAndGet)) {
            FfmpegLog.take(AV_LOG_WARNING, WRONG_KEY);
        }
        assertEquals(1, refusals.get());
    }

    @Test
    void wrongKeyWarning_forAnotherKey_onAnotherThread_orAfterTheWatchEnds_isNotTakenForThisListener()
            throws InterruptedException {
        AtomicInteger refusals = new AtomicInteger();
        try (FfmpegLog.Registration watch = FfmpegLog.watchStreamKey("abcdef0", refusals::incrementAndGet)) {
            FfmpegLog.take(AV_LOG_WARNING, WRONG_KEY); // another listener's key, a prefix of ours
        }
        try (FfmpegLog.Registration watch = FfmpegLog.watchStreamKey("abcdef", refusals::incrementAndGet)) {
            Thread other = new Thread(() -> FfmpegLog.take(AV_LOG_WARNING, WRONG_KEY), "ingest-other");
            other.start();
            other.join();
            FfmpegLog.take(AV_LOG_ERROR, WRONG_KEY); // not the warning FFmpeg gives
        }
        FfmpegLog.take(AV_LOG_WARNING, WRONG_KEY);
        assertEquals(0, refusals.get());
    }

    @Test
    void watchingForAWrongKey_bringsFfmpegsWarningsBackWhenTheLogLevelWasLowered() {
        av_log_set_level(AV_LOG_ERROR); // as a library that quiets FFmpeg would
        try (FfmpegLog.Registration watch = FfmpegLog.watchStreamKey("abcdef", () -> { })) {
            assertEquals(AV_LOG_WARNING, av_log_get_level());
        }
    }
}
