package io.clipdesk.ui.streams;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.HlsOrigin;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.ClipdeskWindow;
import io.clipdesk.ui.StreamDesk;
import io.clipdesk.ui.clips.DefaultDesktopShell;
import io.clipdesk.ui.timeline.Marks;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream switcher, dialog and removal in the real window on a real engine (SQLite in a temp dir, 1 s segments,
 * a hand-moved clock; the built-in test signal is stream 1), with a live HLS origin and files made by the test.
 */
class StreamsWindowTest extends FxRobot {

    private static final int SEGMENT_MS = 1000;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static ClipEngine engine;
    private static HlsOrigin origin;
    private static long originStartMs;
    private static StreamDesk window;

    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir.resolve("data"), clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, 1, Duration.ofSeconds(3));
        origin = HlsOrigin.withSegments(dir.resolve("origin"), 8);
        originStartMs = clock.millis() - 6_000; // the origin has six seconds published already
        for (int i = 0; i < 6; i++) {
            origin.publish(i, originStartMs + i * 1000L, false);
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        window = fx(() -> ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded"), new FfmpegFrameDecoder(),
                new DefaultDesktopShell()));
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        origin.close();
        engine.close();
    }

    @AfterEach
    void closeDialogs() {
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != window.getScene().getWindow()).toList()
                    .forEach(javafx.stage.Window::hide);
            return null;
        });
    }

    @Test
    void addHlsPull_throughTheDialog_ingests_isShown_andAClipFromTheWindowTargetsThatStream() {
        int before = engine.streams().list().size();
        clickOn("#stream-add");
        clickOn("#stream-name").write("Origin pull");
        chooseKind(SourceKind.HLS_PULL);
        clickOn("#stream-url").write(origin.playlistUrl());
        clickOn("#stream-submit");

        await("the stream in the engine", () -> engine.streams().list().size() == before + 1);
        LiveStream pulled = newest();
        assertEquals(new SourceSpec(SourceKind.HLS_PULL, origin.playlistUrl()), pulled.source());
        await("its chip, chosen", () -> fx(() -> chip(pulled.id()) != null && chip(pulled.id()).isSelected()));
        assertFalse(fx(() -> lookup("#stream-dialog").tryQuery().isPresent()), "the dialog closed");
        // The origin goes on publishing, as a live one does (a puller may join at its last segments only).
        origin.publish(6, originStartMs + 6_000, false);
        origin.publish(7, originStartMs + 7_000, false);
        try {
            await("its DVR on the timeline", () -> fx(() -> window.desk() != null
                    && window.desk().viewModel().streamProperty().get().id() == pulled.id()
                    && window.desk().timeline().getSegments().size() >= 2));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the engine holds "
                    + engine.streams().segments(pulled.id(), Long.MIN_VALUE, Long.MAX_VALUE).size() + " segments", e);
        }

        long startMs = fx(() -> window.desk().timeline().getSegments().startMs(0));
        fx(() -> {
            window.desk().viewModel().form().editMarks(new Marks(startMs, startMs + 2_000));
            return null;
        });
        fx(() -> {
            window.desk().requestFocus();
            return null;
        });
        type(KeyCode.ENTER);
        await("a clip of the pulled stream", () -> engine.clips().list(pulled.id()).size() == 1);
        Clip clip = engine.clips().list(pulled.id()).get(0);
        assertEquals(pulled.id(), clip.streamId());
        assertEquals(startMs / 1000, clip.startS());
        assertTrue(engine.clips().list(1).isEmpty(), "nothing was cut from the test signal");

        // The origin goes away: at the live edge the last picture must not pass for live.
        Label lost = fx(() -> (Label) lookup("#player-no-media").query());
        assertFalse(fx(lost::isVisible), "live and healthy: nothing over the picture");
        origin.outage(true);
        clock.advance(Duration.ofSeconds(5));
        await("the picture says the signal is lost", () -> fx(() -> lost.isVisible()
                && (lost.getText().startsWith("STALLED") || lost.getText().startsWith("NO SIGNAL"))));
        origin.outage(false);
    }

    @Test
    void badUrlOrMissingFile_showTheEnginesSentenceInline_createNothing_andKeepWhatWasTyped() {
        int before = engine.streams().list().size();
        String badUrl = "http://bad host/live.m3u8";
        String expected = StreamDialogViewModel.sentence(assertThrows(InvalidRequestException.class,
                () -> engine.streams().create(new StreamDraft("x", new SourceSpec(SourceKind.HLS_PULL, badUrl), true,
                        3600))));
        clickOn("#stream-add");
        clickOn("#stream-name").write("Bad source");
        chooseKind(SourceKind.HLS_PULL);
        clickOn("#stream-url").write(badUrl);
        clickOn("#stream-submit");

        Label problem = lookup("#stream-problem").queryAs(Label.class);
        await("the engine's sentence", () -> fx(problem::getText).equals(expected));
        assertTrue(expected.contains("is not a valid URL"), expected);

        chooseKind(SourceKind.FILE_LOOP);
        String missing = dir.resolve("no-such-file.mp4").toString();
        clickOn("#stream-file").write(missing);
        clickOn("#stream-submit");
        await("the engine's sentence about the file", () -> fx(problem::getText)
                .equals("File " + missing + " does not exist."));

        assertEquals(before, engine.streams().list().size(), "nothing created");
        assertTrue(fx(() -> lookup("#stream-dialog").tryQuery().isPresent()), "the dialog stays open");
        assertEquals("Bad source", fx(() -> lookup("#stream-name").queryAs(TextField.class).getText()));
        assertEquals(badUrl, fx(() -> lookup("#stream-url").queryAs(TextField.class).getText()));
        assertEquals(missing, fx(() -> lookup("#stream-file").queryAs(TextField.class).getText()));
    }

    @Test
    void editNameAndDepth_persistInTheEngine_andRemoveAsksNamingTheStream_thenItLeavesTheSwitcher() throws Exception {
        Path file = FfmpegCli.h264File(dir.resolve("loop.mp4"), 3);
        LiveStream loop = engine.streams().create(new StreamDraft("Loop",
                new SourceSpec(SourceKind.FILE_LOOP, file.toString()), true, 3600));
        await("its chip", () -> fx(() -> chip(loop.id()) != null));
        clickOn("#stream-chip-" + loop.id());
        await("shown", () -> fx(() -> window.desk() != null
                && window.desk().viewModel().streamProperty().get().id() == loop.id()));

        clickOn("#stream-edit");
        TextField name = lookup("#stream-name").queryAs(TextField.class);
        doubleClickOn(name).eraseText(10).write("Rehearsal loop");
        fx(() -> {
            Spinner<Integer> minutes = lookup("#stream-dvr-minutes").query();
            minutes.getValueFactory().setValue(45);
            return null;
        });
        assertEquals("", fx(() -> lookup("#stream-problem").queryAs(Label.class).getText()),
                "a new name and depth cost nothing");
        clickOn("#stream-submit");
        await("the edit stored", () -> engine.streams().get(loop.id()).name().equals("Rehearsal loop"));
        assertEquals(45 * 60, engine.streams().get(loop.id()).dvrDurationS());
        await("the chip renamed", () -> fx(() -> ((Label) chip(loop.id()).lookup(".stream-name")).getText())
                .equals("Rehearsal loop"));

        clickOn("#stream-remove");
        Label question = lookup("#stream-remove-confirm .content").queryAs(Label.class);
        String header = fx(() -> lookup("#stream-remove-confirm").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText());
        assertEquals("Remove “Rehearsal loop”?", header);
        assertTrue(question.getText().contains("its DVR is deleted") || question.getText().contains("DVR (empty now)"),
                question.getText());
        assertTrue(question.getText().contains("Permanent videos stay"), question.getText());
        clickOn("#stream-remove-yes");
        await("the stream gone", () -> engine.streams().list().stream().noneMatch(s -> s.id() == loop.id()));
        await("its chip gone, another stream shown", () -> fx(() -> chip(loop.id()) == null && window.desk() != null
                && window.desk().viewModel().streamProperty().get().id() != loop.id()));
    }

    @Test
    void rtmpStream_showsThePushUrlToPaste_andCopyPutsItOnTheClipboard() {
        int port = FfmpegCli.freeTcpPort();
        clickOn("#stream-add");
        clickOn("#stream-name").write("Camera 1");
        chooseKind(SourceKind.RTMP_PUSH);
        clickOn("#stream-port").write(Integer.toString(port));
        clickOn("#stream-submit");

        await("the URL in the dialog", () -> !fx(() -> lookup("#stream-created-url").queryAs(TextField.class).getText())
                .isEmpty());
        LiveStream camera = newest();
        String host = fx(() -> window.streams().pushHostProperty().get());
        String expected = PushAddress.of(camera.source()).orElseThrow().pushUrl(host, camera.mediaKey());
        assertEquals(expected, fx(() -> lookup("#stream-created-url").queryAs(TextField.class).getText()));
        assertTrue(expected.matches("rtmp://[^/]+:" + port + "/live/" + camera.mediaKey()), expected);
        clickOn("#stream-done");

        await("the URL in the bar", () -> fx(() -> lookup("#stream-push-url").queryAs(TextField.class).getText())
                .equals(expected));
        clickOn("#stream-push-copy");
        assertEquals(expected, fx(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void switchingStreamsTenTimesByKeyboard_leavesNoMoreThreadsThanTheFirstSwitch() {
        if (engine.streams().list().size() < 2) {
            engine.streams().create(StreamDraft.testSignal("Second signal"));
        }
        List<LiveStream> streams = engine.streams().list();
        await("two chips", () -> fx(() -> chip(streams.get(1).id()) != null));
        switchTo(2, streams.get(1).id());
        switchTo(1, streams.get(0).id());
        int afterFirst = settledThreads();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            switchTo(2, streams.get(1).id());
            switchTo(1, streams.get(0).id());
        }
        long perSwitchMs = (System.nanoTime() - started) / 20 / 1_000_000;
        int afterTen = settledThreads();
        long[] fxMs = new long[6];
        for (int i = 0; i < fxMs.length; i++) {
            long id = streams.get((i + 1) % 2).id();
            fxMs[i] = fx(() -> {
                long t = System.nanoTime();
                window.streams().select(id); // closes the shown desk, builds the next one: all on the FX thread
                return (System.nanoTime() - t) / 1_000_000;
            });
        }
        java.util.Arrays.sort(fxMs);
        System.out.printf("stream switching: %d UI threads (ui-engine, dvr-player) after the first switch, %d after"
                + " 20 more; %d ms per switch from the key to the new desk shown; FX thread busy median %d ms,"
                + " worst %d ms%n", afterFirst, afterTen, perSwitchMs, fxMs[fxMs.length / 2], fxMs[fxMs.length - 1]);
        assertTrue(afterTen <= afterFirst, afterTen + " threads after ten round trips, " + afterFirst + " after one: "
                + uiThreads());
    }

    @Test
    void chips_takeTheKeyboard_arrowsMoveAndSpaceShows_whileDeskKeysStayOut() {
        if (engine.streams().list().size() < 2) {
            engine.streams().create(StreamDraft.testSignal("Second signal"));
        }
        List<LiveStream> streams = engine.streams().list();
        await("two chips", () -> fx(() -> chip(streams.get(1).id()) != null));
        switchTo(1, streams.get(0).id());
        fx(() -> {
            chip(streams.get(0).id()).requestFocus();
            return null;
        });
        type(KeyCode.RIGHT);
        await("the next chip focused", () -> fx(() -> chip(streams.get(1).id()).isFocused()));
        type(KeyCode.SPACE);
        await("its stream shown", () -> fx(() -> window.desk().viewModel().streamProperty().get().id()
                == streams.get(1).id()));
    }

    private void switchTo(int number, long streamId) {
        press(KeyCode.CONTROL).type(KeyCode.getKeyCode(Integer.toString(number))).release(KeyCode.CONTROL);
        await("stream " + streamId + " shown", () -> fx(() -> window.desk() != null
                && window.desk().viewModel().streamProperty().get().id() == streamId));
    }

    /** The UI's own threads once the ones of closed desks have ended. */
    private static int settledThreads() {
        int last = -1;
        for (int stable = 0; stable < 5; ) {
            int now = uiThreads().size();
            stable = now == last ? stable + 1 : 0;
            last = now;
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        return last;
    }

    private static List<String> uiThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("ui-engine") || n.startsWith("dvr-player")).sorted().toList();
    }

    private void chooseKind(SourceKind kind) {
        fx(() -> {
            ComboBox<SourceKind> kinds = lookup("#stream-kind").query();
            kinds.setValue(kind);
            return null;
        });
    }

    private static LiveStream newest() {
        return engine.streams().list().stream().max(java.util.Comparator.comparingLong(LiveStream::id)).orElseThrow();
    }

    private ToggleButton chip(long streamId) {
        return lookup("#stream-chip-" + streamId).tryQuery().map(ToggleButton.class::cast).orElse(null);
    }


    /** Waits for {@code condition}; one that fails meanwhile (the window between two streams) is asked again. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        AssertionError last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("timed out waiting for " + what);
                if (last != null) {
                    timedOut.initCause(last);
                }
                throw timedOut;
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
