package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.video.VideoStatus;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs in a child JVM for {@link EngineRestartTest}: makes one finished clip with a video and one still recording,
 * prints them, then waits to be killed with SIGKILL.
 */
public final class EngineChild {

    /** The recording clip's whole seconds; its exact range is 1.24 s shorter. */
    static final int RECORDING_S = 15;

    public static void main(String[] args) throws Exception {
        ClipEngine engine = Engines.open(Path.of(args[0]), Clock.systemUTC(), EngineFixture.SEGMENT_MS);
        EngineFixture.await("4 s of DVR", () -> engine.streams().state(1).window().lengthMs() >= 4000);
        long tailS = engine.streams().state(1).window().startMs() / 1000;
        Clip done = engine.clips().create(ClipRequest.of(1, tailS + 1, 2).withVod(true));
        EngineFixture.await("clip ready", () -> engine.clips().get(done.id()).status() == ClipStatus.READY);
        EngineFixture.await("video ready", () -> engine.videos().get(done.videoId()).status() == VideoStatus.READY);
        // Counted from the DVR's newest media, not the clock: on a loaded machine ingest lags the clock, and an in
        // mark the DVR did not hold before the kill would fall into the restart's gap. The out mark lies far
        // enough ahead that the restarted engine records up to it even when a loaded machine restarts slowly. Cut
        // to ms marks, so the restart must bring back the exact range, not only the seconds.
        long startS = engine.streams().state(1).window().endMs() / 1000 - 1;
        Clip recording = engine.clips().create(ClipRequest.of(1, startS, RECORDING_S)
                .withExactRange(new ExactRange(startS * 1000 + 520, (startS + RECORDING_S - 1) * 1000 + 280)));
        System.out.println("DONE " + done.id());
        System.out.println("RECORDING " + recording.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
