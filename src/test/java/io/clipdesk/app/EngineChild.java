package io.clipdesk.app;

import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.ClipStatus;
import io.clipdesk.engine.ExactRange;
import io.clipdesk.engine.VideoStatus;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs in a child JVM for {@link EngineRestartTest}: makes one finished clip with a video and one still recording,
 * prints them, then waits to be killed with SIGKILL.
 */
public final class EngineChild {

    public static void main(String[] args) throws Exception {
        ClipEngine engine = Engines.open(Path.of(args[0]), Clock.systemUTC(), EngineFixture.SEGMENT_MS);
        EngineFixture.await("4 s of DVR", () -> engine.streams().state(1).window().lengthMs() >= 4000);
        long tailS = engine.streams().state(1).window().startMs() / 1000;
        Clip done = engine.clips().create(ClipRequest.of(1, tailS + 1, 2).withVod(true));
        EngineFixture.await("clip ready", () -> engine.clips().get(done.id()).status() == ClipStatus.READY);
        EngineFixture.await("video ready", () -> engine.videos().get(done.videoId()).status() == VideoStatus.READY);
        long nowS = Clock.systemUTC().millis() / 1000;
        // Cut to ms marks, so the restart must bring back the exact range, not only the seconds.
        Clip recording = engine.clips().create(ClipRequest.of(1, nowS - 1, 5)
                .withExactRange(new ExactRange((nowS - 1) * 1000 + 520, (nowS + 3) * 1000 + 280)));
        System.out.println("DONE " + done.id());
        System.out.println("RECORDING " + recording.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
