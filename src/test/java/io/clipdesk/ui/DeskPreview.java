package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.desk.PlaybackViewModel;
import io.clipdesk.ui.player.PlayerStatus;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Runs the desk on a real engine with the real clock (the test signal, 2 s segments) and prints, every 10 s,
 * what the player did: pictures shown, the longest gap between two shown pictures, pictures later than
 * 200 ms (visible freezes), holds, live jumps, watchdog recoveries, latency to the wall clock.
 * {@code java ... io.clipdesk.ui.DeskPreview DATA_DIR [SEGMENT_MS]}
 */
public final class DeskPreview {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The JavaFX application; kept apart so the launcher class itself needs no JavaFX module setup. */
    public static final class Window extends Application {

    private ClipEngine engine;
    private long lastShownNanos;
    private long maxGapNanos;
    private long freezes;
    private long started;

    @Override
    public void start(Stage stage) {
        Path dir = Path.of(getParameters().getRaw().get(0));
        int segmentMs = getParameters().getRaw().size() > 1 ? Integer.parseInt(getParameters().getRaw().get(1)) : 2000;
        engine = Engines.open(dir, Clock.systemDefaultZone(), segmentMs);
        MainView view = ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded · no HTTP"), new FfmpegFrameDecoder()).desk();
        PlaybackViewModel p = view.viewModel().playback();
        started = System.nanoTime();
        p.framesShownProperty().addListener((o, was, now) -> {
            long t = System.nanoTime();
            if (lastShownNanos > 0 && p.isPlaying()) {
                long gap = t - lastShownNanos;
                maxGapNanos = Math.max(maxGapNanos, gap);
                if (gap > 200_000_000L) {
                    freezes++;
                }
            }
            lastShownNanos = t;
        });
        if (getParameters().getRaw().contains("--demo")) {
            demo(view);
        }
        Thread stats = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    PlayerStatus s = p.statusProperty().get();
                    System.out.printf(Locale.ROOT, "t=%4ds shown=%d decoded=%d maxGap=%dms freezes>200ms=%d live=%s "
                                    + "latency=%dms holds=%d heldMs=%d liveJumps=%d recoveries=%d seekMs=%d problem=%s%n",
                            (System.nanoTime() - started) / 1_000_000_000L, p.framesShownProperty().get(),
                            s.framesDecoded(), maxGapNanos / 1_000_000, freezes, s.live(), s.latencyMs(), s.holds(),
                            s.heldMs(), s.liveJumps(), s.recoveries(), s.seekMs(), s.problem());
                    maxGapNanos = 0;
                });
            }
        }, "preview-stats");
        stats.setDaemon(true);
        stats.start();
    }

    /** At 100 s marks and creates a clip with the keyboard (FX robot), at 115 s marks a second range. */
    private static void demo(MainView view) {
        javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
        javafx.animation.Timeline script = new javafx.animation.Timeline(
                at(100, () -> robot.keyType(javafx.scene.input.KeyCode.K)),
                at(101, () -> view.viewModel().playback().seek(view.viewModel().windowProperty().get().endMs() - 50_000)),
                at(103, () -> robot.keyType(javafx.scene.input.KeyCode.I)),
                at(104, () -> robot.keyType(javafx.scene.input.KeyCode.RIGHT)),
                at(104.5, () -> shiftRight(robot)),
                at(106, () -> robot.keyType(javafx.scene.input.KeyCode.O)),
                at(107, () -> robot.keyType(javafx.scene.input.KeyCode.ENTER)),
                at(108, () -> robot.keyType(javafx.scene.input.KeyCode.END)),
                at(115, () -> view.viewModel().playback().seek(view.viewModel().windowProperty().get().endMs() - 25_000)),
                at(117, () -> robot.keyType(javafx.scene.input.KeyCode.I)),
                at(118, () -> shiftRight(robot)),
                at(119, () -> robot.keyType(javafx.scene.input.KeyCode.O)),
                at(120, () -> robot.keyType(javafx.scene.input.KeyCode.END)),
                at(124, () -> {
                    var timeline = view.timeline();
                    double x = timeline.scale(timeline.getWidth()).xOf(view.viewModel().windowProperty().get().endMs() - 40_000);
                    robot.mouseMove(timeline.localToScreen(x, 60));
                }));
        script.play();
    }

    private static void shiftRight(javafx.scene.robot.Robot robot) {
        robot.keyPress(javafx.scene.input.KeyCode.SHIFT);
        robot.keyType(javafx.scene.input.KeyCode.RIGHT);
        robot.keyRelease(javafx.scene.input.KeyCode.SHIFT);
    }

    private static javafx.animation.KeyFrame at(double seconds, Runnable action) {
        return new javafx.animation.KeyFrame(javafx.util.Duration.seconds(seconds), e -> action.run());
    }

    @Override
    public void stop() {
        engine.close();
    }

    }
}
