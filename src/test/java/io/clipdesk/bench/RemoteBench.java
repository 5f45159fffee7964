package io.clipdesk.bench;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.OnFx;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.desk.PlaybackViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A desk on a Clipdesk server over loopback HTTP against a desk on the same engine embedded (the reference, measured
 * in the same run on the same stream): how far the picture on screen runs behind the wall clock while playing live
 * (target for the remote desk: 3 s with 2 s segments), and how long a scrub back into the DVR takes to show its
 * picture (target 0.5 s; the remote desk fetches each segment it has not seen from the server).
 */
final class RemoteBench {

    private static final int SEGMENT_MS = 2000;
    private static final long LATENCY_TARGET_MS = 3000;
    private static final long SCRUB_TARGET_MS = 500;
    /** Before the desks read the segment being written (whole 2 s segments only). */
    private static final String BEFORE = "before (issue 14): remote 3.1 s idle, 5.4 s under heavy load";

    private RemoteBench() {
    }

    static void run(Path work, int seconds) throws Exception {
        BenchReport.section("Remote desk on loopback (test signal, 2 s segments, real clock): live latency and "
                + "scrub-to-picture, against the local desk on the same engine");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("testfx.headless", "true");
        System.setProperty("testfx.robot", "glass");
        Path data = work.resolve("remote-server");
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString()},
                Map.of(), work);
        Stage stage = FxToolkit.registerPrimaryStage();
        try (HeadlessServer server = HeadlessServer.start(options, Engines::open, Clock.systemUTC(), SEGMENT_MS,
                new PrintStream(new ByteArrayOutputStream()))) {
            Thread.sleep(40_000); // a DVR to scrub in
            String key = Files.readString(data.resolve("api-key")).strip();
            double[] local = measure(stage, new EmbeddedDesk(server.engine(), server.baseUrl(), "bench"), seconds);
            try (RemoteDesk remote = RemoteDesk.connect(server.baseUrl(), key, "bench", Clock.systemUTC(),
                    work.resolve("desk-settings"))) {
                double[] far = measure(stage, remote, seconds);
                BenchReport.line("live latency, remote desk (median / p95)", ms(far[0]) + " / " + ms(far[1]),
                        "local desk " + ms(local[0]) + " / " + ms(local[1]) + "; target ≤ " + LATENCY_TARGET_MS
                                + " ms  " + BenchReport.verdict(far[0] <= LATENCY_TARGET_MS) + "   " + BEFORE);
                BenchReport.line("scrub to picture, remote desk (median / max of " + (int) far[4] + ")",
                        ms(far[2]) + " / " + ms(far[3]), "local desk " + ms(local[2]) + " / " + ms(local[3])
                                + "; target ≤ " + SCRUB_TARGET_MS + " ms  "
                                + BenchReport.verdict(far[3] <= SCRUB_TARGET_MS));
            }
        } finally {
            FxToolkit.cleanupStages();
        }
        System.out.println("  transport: HTTP/1.1 over loopback, JDK HttpClient; " + Bench.machine());
    }

    /** Latency median and p95, scrub median and max, scrub count. */
    private static double[] measure(Stage stage, DeskBackend backend, int seconds) throws Exception {
        MainView view = OnFx.fx(() -> {
            MainView v = new MainView(backend, new FfmpegFrameDecoder(), 1);
            stage.setScene(new Scene(v, 1280, 720));
            stage.show();
            return v;
        });
        try {
            PlaybackViewModel playback = view.viewModel().playback();
            Thread.sleep(8_000); // started at the live edge: let it settle
            List<Long> behind = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                // Wall clock minus the wall-clock time (program-date-time) of the picture on screen.
                behind.add(System.currentTimeMillis() - playback.getPositionMs());
                Thread.sleep(200);
            }
            OnFx.fx(() -> {
                playback.pause();
                return null;
            });
            DvrWindow dvr = backend.state(1).window();
            Random random = new Random(7);
            List<Long> scrubs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // Anywhere in the DVR's older part, so most targets are segments the desk has not fetched yet.
                long target = dvr.startMs() + 2_000 + (long) (random.nextDouble() * (dvr.lengthMs() - 20_000));
                long t0 = System.nanoTime();
                OnFx.fx(() -> {
                    playback.seek(target);
                    return null;
                });
                while (Math.abs(playback.getPositionMs() - target) > 40 && System.nanoTime() - t0 < 10_000_000_000L) {
                    Thread.sleep(2);
                }
                scrubs.add((System.nanoTime() - t0) / 1_000_000);
            }
            double[] b = behind.stream().mapToDouble(Long::doubleValue).sorted().toArray();
            double[] s = scrubs.stream().mapToDouble(Long::doubleValue).sorted().toArray();
            return new double[] {BenchReport.median(b), b[(int) Math.floor(b.length * 0.95)], BenchReport.median(s),
                s[s.length - 1], s.length};
        } finally {
            OnFx.fx(() -> {
                view.close();
                return null;
            });
        }
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }
}
