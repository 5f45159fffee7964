package io.clipdesk.ui;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.clips.ClipItem;
import io.clipdesk.ui.clips.ClipsViewModel;
import io.clipdesk.ui.desk.StatusViewModel;
import io.clipdesk.ui.timeline.Marks;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two editors' desks in one test against one real headless server on port 0 (test signal, 1 s segments, a hand-moved
 * clock): what one desk makes or deletes the other shows by the server's push (sooner than its 10 s safety poll
 * could); then the server stops mid-session and starts again on the same data and port, and the desk says so,
 * keeps the editor's marks, and carries on by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoDesksTest extends FxRobot {

    private static final long STREAM = 1;
    /** Less than the clips panel's safety poll with pushed changes (10 s): what arrives sooner was pushed. */
    private static final Duration PUSHED = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static HeadlessServer server;
    private static int port;
    private static String key;
    private static RemoteDesk backendA;
    private static RemoteDesk backendB;
    private static StreamDesk deskA;
    private static StreamDesk deskB;

    @BeforeAll
    static void open() throws Exception {
        server = startServer(0);
        port = URI.create(server.baseUrl()).getPort();
        LiveFeed.produce(clock, server.engine(), STREAM, Duration.ofSeconds(20));
        key = Files.readString(dir.resolve("api-key")).strip();
        backendA = RemoteDesk.connect(server.baseUrl(), key, "Ana", clock, dir.resolve("desk-a.properties"));
        backendB = RemoteDesk.connect(server.baseUrl(), key, "Ben", clock, dir.resolve("desk-b.properties"));
        Stage stageA = FxToolkit.registerPrimaryStage();
        deskA = fx(() -> ClipdeskWindow.show(stageA, backendA, new FfmpegFrameDecoder()));
        deskB = fx(() -> ClipdeskWindow.show(new Stage(), backendB, new FfmpegFrameDecoder()));
        await("desk A's picture", () -> deskA.desk().viewModel().playback().getPositionMs() > 0, Duration.ofSeconds(30));
    }

    private static HeadlessServer startServer(int onPort) throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", Integer.toString(onPort),
                "--data-dir", dir.toString()}, Map.of(), dir);
        return HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        backendA.close();
        backendB.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aClipMarkedOnDeskA_showsOnDeskB_withAsName_andOneDeletedOnB_goesFromA() {
        Clip made = markAndCreateOnA("Goal");
        ClipItem onB = await("desk B to show A's clip", () -> find(clipsOf(deskB), made.id()), PUSHED);
        assertEquals("Ana", onB.getClip().description().createdBy());
        assertEquals("Goal", onB.getClip().name());

        fx(() -> {
            clipsOf(deskB).delete(onB);
            return null;
        });
        await("desk A to see it go", () -> find(clipsOf(deskA), made.id()) == null ? Boolean.TRUE : null, PUSHED);
    }

    @Test
    @Order(2)
    void theServerStopsMidSession_theDeskSaysSo_keepsItsMarks_andCarriesOnWhenItIsBack() throws Exception {
        Clip before = markAndCreateOnA("Before the stop");
        await("desk B to show it", () -> find(clipsOf(deskB), before.id()), PUSHED);
        DvrWindow dvr = deskA.desk().viewModel().windowProperty().get();
        Marks marks = new Marks(dvr.endMs() - 9_000, dvr.endMs() - 6_000);
        fx(() -> {
            deskA.desk().viewModel().form().editMarks(marks);
            deskA.desk().viewModel().form().setName("After the restart");
            return null;
        });

        server.close();
        server = null;
        StatusViewModel status = deskA.desk().viewModel().status();
        await("the status bar to say the server is gone",
                () -> fx(() -> status.healthTextProperty().get()).startsWith("SERVER UNREACHABLE — ") ? Boolean.TRUE
                        : null, Duration.ofSeconds(20));
        Label picture = from(deskA.desk()).lookup("#player-no-media").queryAs(Label.class);
        await("the picture to say so too",
                () -> fx(() -> picture.isVisible() && picture.getText().contains("SERVER UNREACHABLE")),
                Duration.ofSeconds(5));
        assertEquals(marks, fx(() -> deskA.desk().viewModel().form().getMarks()), "the editor's marks are kept");

        server = startServer(port);
        LiveFeed.produce(clock, server.engine(), STREAM, Duration.ofSeconds(2));
        await("the desk to see the server again",
                () -> fx(() -> status.connectionTroubleProperty().get()).isEmpty() ? Boolean.TRUE : null,
                Duration.ofSeconds(30));
        StatusViewModel statusB = deskB.desk().viewModel().status();
        await("desk B to see the server again (its own back-off)",
                () -> fx(() -> statusB.connectionTroubleProperty().get()).isEmpty() ? Boolean.TRUE : null,
                Duration.ofSeconds(30));
        assertEquals(marks, fx(() -> deskA.desk().viewModel().form().getMarks()), "still the same marks");
        assertEquals("After the restart", fx(() -> deskA.desk().viewModel().form().nameProperty().get()));

        int countBefore = server.engine().clips().list(STREAM).size();
        fx(() -> {
            deskA.desk().viewModel().form().create();
            return null;
        });
        await("the clip made from the kept marks",
                () -> server.engine().clips().list(STREAM).size() == countBefore + 1 ? Boolean.TRUE : null,
                Duration.ofSeconds(20));
        Clip after = server.engine().clips().list(STREAM).stream()
                .filter(c -> c.name().equals("After the restart")).findFirst().orElseThrow();
        // Desk B lost the server too: it backs off its checks while it cannot reach it (up to 15 s, BackedOffPoll),
        // so after the restart its first news of the server may come that late.
        await("desk B to show the new clip", () -> find(clipsOf(deskB), after.id()), Duration.ofSeconds(20));
        await("desk B's list to be complete", () -> find(clipsOf(deskB), before.id()), PUSHED);
        assertEquals(server.engine().clips().list(STREAM).size(), fx(() -> clipsOf(deskB).clips().size()),
                "every clip on the server, none twice");
    }

    private Clip markAndCreateOnA(String name) {
        DvrWindow dvr = deskA.desk().viewModel().windowProperty().get();
        int before = server.engine().clips().list(STREAM).size();
        fx(() -> {
            deskA.desk().viewModel().form().editMarks(new Marks(dvr.endMs() - 8_000, dvr.endMs() - 5_000));
            deskA.desk().viewModel().form().setName(name);
            deskA.desk().viewModel().form().create();
            return null;
        });
        await("desk A's clip on the server",
                () -> server.engine().clips().list(STREAM).size() == before + 1 ? Boolean.TRUE : null,
                Duration.ofSeconds(20));
        return server.engine().clips().list(STREAM).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ClipsViewModel clipsOf(StreamDesk desk) {
        return desk.clipsPanel().viewModel();
    }

    private static ClipItem find(ClipsViewModel clips, String clipId) {
        return fx(() -> clips.clips().stream().filter(i -> i.id().equals(clipId)).findFirst().orElse(null));
    }

    private static <T> T await(String what, java.util.function.Supplier<T> found, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting " + within.toSeconds() + " s for " + what);
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration within) {
        await(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null, within);
    }
}
