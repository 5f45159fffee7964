package io.clipdesk.bench;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.engine.SegmentMedia;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.FrameDecoder;
import io.clipdesk.media.FfmpegFrameDecoder;
import io.clipdesk.ui.MainView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The desk playing live, headless (Monocle), on a live engine with the real clock: the process's CPU with the
 * player's sound on the default output, then the same desk with a decoder that finds no sound; and whether the
 * sound ran dry at any moment of the minute with sound.
 */
final class SoundBench {

    static void run(Path work, int seconds) throws Exception {
        BenchReport.section("Desk playing live: sound on the default output vs picture only, " + seconds + " s each");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("testfx.headless", "true");
        System.setProperty("testfx.robot", "glass");
        Stage stage = FxToolkit.registerPrimaryStage();
        Path data = Files.createDirectories(work.resolve("sound"));
        try (ClipEngine engine = Engines.open(data, Clock.systemUTC(), 2000)) {
            while (engine.streams().state(1).window().lengthMs() < 6000) {
                Thread.sleep(50);
            }
            FfmpegFrameDecoder real = new FfmpegFrameDecoder();
            double[] with = play(stage, engine, real, seconds);
            BenchReport.line("process CPU, desk live with sound",
                    String.format(Locale.ROOT, "%.1f %% of a core", with[0]), "");
            BenchReport.line("sound underruns over " + seconds + " s live", String.format(Locale.ROOT, "%.0f", with[1]),
                    "target 0  " + BenchReport.verdict(with[1] == 0));
            double[] without = play(stage, engine, new FrameDecoder() {
                @Override
                public Cursor open(SegmentMedia segment, int width, int height) {
                    return real.open(segment, width, height);
                }

                @Override
                public void warmUp() {
                    real.warmUp();
                }
            }, seconds);
            BenchReport.line("process CPU, desk live, picture only",
                    String.format(Locale.ROOT, "%.1f %% of a core", without[0]),
                    String.format(Locale.ROOT, "sound costs %+.1f %% of a core", with[0] - without[0]));
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    /** CPU (% of a core) and sound underruns while the desk plays live for {@code seconds} after a 5 s settle. */
    private static double[] play(Stage stage, ClipEngine engine, FrameDecoder decoder, int seconds) throws Exception {
        MainView view = onFx(() -> {
            MainView v = new MainView(new EmbeddedDesk(engine, "embedded"), decoder, 1);
            stage.setScene(new Scene(v, 1280, 720));
            stage.show();
            return v;
        });
        Thread.sleep(5000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long underruns0 = view.viewModel().playback().soundUnderruns();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double percent = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
        double underruns = view.viewModel().playback().soundUnderruns() - underruns0;
        onFx(() -> {
            view.close();
            return null;
        });
        return new double[] {percent, underruns};
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
