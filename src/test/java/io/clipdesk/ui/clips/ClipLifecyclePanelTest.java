package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.testing.LiveFeed;
import javafx.scene.media.MediaPlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Duration;

import static io.clipdesk.ui.clips.PanelFixture.STREAM;
import static io.clipdesk.ui.clips.PanelFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clip's life in the panel as the engine's clock moves: countdown to ready, countdown to expiry, gone. Its own
 * engine, because the clock jumps a minute ahead.
 */
class ClipLifecyclePanelTest extends FxRobot {

    @TempDir
    Path dir;

    @Test
    void countdown_readyInThenExpiresIn_followsTheEngineClock_thenTheClipLeavesTheList() throws Exception {
        try (PanelFixture f = new PanelFixture(dir, Duration.ofSeconds(6))) {
            long nowS = f.clock.millis() / 1000;
            Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, nowS - 4, 6).withName("Countdown")
                    .withExpiration(nowS + 2 + 60));
            // Ready is expected one segment after the end: (now + 2 s) + 1 s.
            f.awaitState(clip, "recording · ready in 0:03");
            f.select(this, clip);
            assertTrue(f.previewMessage().matches("Recording: ready at \\d\\d:\\d\\d:\\d\\d \\(in 0:03\\)\\."),
                    f.previewMessage());

            LiveFeed.produce(f.clock, f.engine, STREAM, Duration.ofSeconds(1));
            f.awaitState(clip, "recording · ready in 0:02");

            LiveFeed.produce(f.clock, f.engine, STREAM, Duration.ofSeconds(3));
            f.await("the clip ready", () -> f.engine.clips().get(clip.id()).status() == ClipStatus.READY);
            f.awaitState(clip, "ready · expires in 0:00:58");
            f.await("the ready clip loaded in the preview", () -> fx(() -> {
                MediaPlayer p = f.preview().playerProperty().get();
                return p != null && (p.getStatus() == MediaPlayer.Status.READY
                        || p.getStatus() == MediaPlayer.Status.PAUSED);
            }));

            f.clock.advance(Duration.ofSeconds(57));
            f.awaitState(clip, "ready · expires in 0:00:01");

            f.clock.advance(Duration.ofSeconds(1));
            f.await("the expired clip to leave the list", () -> fx(() -> f.item(clip.id()) == null));
            assertTrue(f.previewMessage().startsWith("Expired at "), f.previewMessage());
            assertEquals("", fx(() -> f.preview().urlProperty().get()), "nothing plays");
        }
    }
}
