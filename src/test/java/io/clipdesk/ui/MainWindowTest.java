package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.desk.PlaybackViewModel;
import io.clipdesk.ui.form.MessageArea;
import io.clipdesk.ui.timeline.DvrTimeline;
import io.clipdesk.ui.timeline.Marks;
import io.clipdesk.ui.timeline.TickLabel;
import io.clipdesk.ui.timeline.TimelinePainter;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on a real engine: SQLite in a temp dir, the FFmpeg test signal in 1 s segments produced up to a
 * hand-moved clock, the in-process decoder for the picture, keys and pointer through TestFX on headless Monocle.
 */
class MainWindowTest extends FxRobot {

    private static final int SEGMENT_MS = 1000;
    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static ClipEngine engine;
    private static MainView view;

    /** One engine and window for the class: producing 35 s of test signal is the slow part. */
    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir, clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(35));
        Stage stage = FxToolkit.registerPrimaryStage();
        view = fx(() -> ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded"), new FfmpegFrameDecoder()).desk());
        await("a picture", () -> view.viewModel().playback().getPositionMs() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        engine.close();
    }

    @BeforeEach
    void freshForm() {
        fx(() -> {
            view.viewModel().form().clearMarks();
            view.viewModel().playback().goLive();
            return null;
        });
        clipsBefore = engine.clips().list(STREAM).stream().map(Clip::id).collect(java.util.stream.Collectors.toSet());
    }

    private java.util.Set<String> clipsBefore;

    @Test
    void keysIOEnter_createAClipWhoseStartAndDurationMatchTheMarks() {
        pauseAt(window().endMs() - 20_000);
        long inMs = playback().getPositionMs();
        type(KeyCode.I);
        for (int i = 0; i < 6; i++) {
            type(KeyCode.RIGHT);
        }
        await("six seconds later", () -> playback().getPositionMs() >= inMs + 5_900);
        long outMs = playback().getPositionMs();
        type(KeyCode.O);
        type(KeyCode.ENTER);

        Clip clip = awaitOneClip();
        assertEquals(Math.floorDiv(inMs, 1000), clip.startS(), 1.0 * SEGMENT_MS / 1000);
        assertEquals((outMs - inMs) / 1000.0, clip.durationS(), SEGMENT_MS / 1000.0);
    }

    @Test
    void invalidRange_showsTheReason_andCreatesNothing() throws Exception {
        pauseAt(window().endMs() - 10_000);
        long inMs = playback().getPositionMs();
        type(KeyCode.I);
        type(KeyCode.LEFT, 3);
        await("three seconds back", () -> playback().getPositionMs() <= inMs - 2_900);
        type(KeyCode.O);
        MessageArea problem = lookup("#clip-message").queryAs(MessageArea.class);
        await("the reason", () -> problem.getText().equals("The out point must be after the in point."));
        assertTrue(problem.isVisible());
        assertTrue(lookup("#create-clip").queryAs(Button.class).isDisabled());
        type(KeyCode.ENTER);

        long tailMs = window().startMs();
        fx(() -> {
            // Wholly before the DVR: nothing to clip (a range that overlaps it is cut to what it holds).
            view.viewModel().form().editMarks(new Marks(tailMs - 20_000, tailMs - 5_000));
            return null;
        });
        await("the DVR rule", () -> problem.getText().startsWith("Start ")
                && problem.getText().contains("before the DVR window") && problem.getText().contains("nothing to clip"));
        type(KeyCode.ENTER);
        drainUi();
        assertEquals(clipsBefore.size(), engine.clips().list(STREAM).size());
        assertTrue(problem.getText().contains("before the DVR window"), "one message area: the refusal in it");
        assertTrue(problem.isWarning(), "in the warning colour");
    }

    @Test
    void timelineTickLabels_areLocalWallClockTimesOfTheDvr() throws Exception {
        DvrTimeline timeline = timeline();
        List<TickLabel> ticks = fx(() -> timeline.tickLabels(timeline.getWidth()));
        assertFalse(ticks.isEmpty());
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        DvrWindow w = window();
        boolean oneInsideTheDvr = false;
        for (TickLabel tick : ticks) {
            String local = hms.format(Instant.ofEpochMilli(tick.timeMs()).atZone(engine.config().zone()));
            assertTrue(local.startsWith(tick.text()), tick.text() + " is the local time " + local);
            oneInsideTheDvr |= tick.timeMs() >= w.startMs() && tick.timeMs() <= w.endMs();
        }
        assertTrue(oneInsideTheDvr, "ticks label the DVR's wall-clock range");
    }

    @Test
    void draggingThePlayhead_changesTheShownTime() throws Exception {
        DvrTimeline timeline = timeline();
        Label timecode = lookup("#player-timecode").queryAs(Label.class);
        type(KeyCode.K);
        await("paused", () -> !playback().isPlaying());
        long target = window().endMs() - 25_000;
        Point2D from = fx(() -> timelinePoint(timeline, window().endMs() - 5_000));
        Point2D to = fx(() -> timelinePoint(timeline, target));
        drag(from, MouseButton.PRIMARY).dropTo(to);

        await("the picture at the drop point", () -> Math.abs(playback().getPositionMs() - target) <= 500);
        String shown = timecode.getText();
        String expected = PlaybackViewModel.timecode(playback().getPositionMs(), engine.config().zone());
        assertEquals(expected, shown);
        assertNotEquals(PlaybackViewModel.timecode(window().endMs(), engine.config().zone()), shown);
    }

    @Test
    void scrollingBackWhileLive_staysWhereTheEditorLooks_whilePlaybackFollowsLive() {
        DvrTimeline timeline = timeline();
        await("playing live", () -> playback().isLive());
        long lookStart = window().startMs();
        fx(() -> {
            // What a pan of the skin leaves behind: a range away from the live edge, no longer following it.
            timeline.setFollowLive(false);
            timeline.setVisibleRange(lookStart, lookStart + DvrTimeline.MIN_VISIBLE_MS);
            return null;
        });
        long positionBefore = playback().getPositionMs();
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(3));
        await("the player moved on live", () -> playback().getPositionMs() >= positionBefore + 2_000);
        assertEquals(lookStart, fx(timeline::getVisibleStartMs).longValue(), "the view stayed where it was put");
        assertTrue(playback().isLive());
    }

    @Test
    void draggingTheInHandle_movesTheInPoint() {
        DvrTimeline timeline = timeline();
        long inMs = window().endMs() - 20_000;
        long outMs = window().endMs() - 10_000;
        fx(() -> {
            view.viewModel().form().editMarks(new Marks(inMs, outMs));
            return null;
        });
        long target = inMs - 5_000;
        Point2D handle = fx(() -> timelinePoint(timeline, inMs));
        Point2D to = fx(() -> timelinePoint(timeline, target));
        drag(handle, MouseButton.PRIMARY).dropTo(to);

        Marks marks = view.viewModel().form().getMarks();
        double msPerPx = fx(() -> timeline.scale(timeline.getWidth()).msPerPx());
        assertEquals(target, marks.inMs(), 2 * msPerPx);
        assertEquals(outMs, marks.outMs());
    }

    @Test
    void lastThirtySeconds_endsAtThePictureOnScreen_notTheLiveEdge() {
        pauseAt(window().endMs() - 8_000);
        long shownMs = playback().getPositionMs();
        type(KeyCode.DIGIT3);
        Clip clip = awaitOneClip();
        assertEquals(java.util.Optional.of(new io.clipdesk.engine.clip.ExactRange(shownMs - 30_000, shownMs)),
                clip.exactRange(), "exactly 30 s up to the shown picture (exact cut, the default)");
        assertTrue(clip.endS() * 1000 < window().endMs() - 5_000, "not up to the live edge");
    }

    private void pauseAt(long timeMs) {
        type(KeyCode.K);
        await("paused", () -> !playback().isPlaying());
        fx(() -> {
            playback().seek(timeMs);
            return null;
        });
        await("the picture at " + timeMs, () -> Math.abs(playback().getPositionMs() - timeMs) <= 40);
    }

    private Point2D timelinePoint(DvrTimeline timeline, long timeMs) {
        double x = timeline.scale(timeline.getWidth()).xOf(timeMs);
        return timeline.localToScreen(x, TimelinePainter.RULER_H + 30);
    }

    /**
     * The clip the test made: the list grows by one, and it is the one not there before (the test clock stands still
     * between tests, so creation times tie).
     */
    private Clip awaitOneClip() {
        await("a new clip", () -> engine.clips().list(STREAM).size() == clipsBefore.size() + 1);
        return engine.clips().list(STREAM).stream().filter(c -> !clipsBefore.contains(c.id())).findFirst()
                .orElseThrow();
    }

    private DvrTimeline timeline() {
        return lookup("#dvr-timeline").queryAs(DvrTimeline.class);
    }

    private PlaybackViewModel playback() {
        return view.viewModel().playback();
    }

    private static DvrWindow window() {
        return engine.streams().state(STREAM).window();
    }

    /** Lets queued UI work (engine calls, FX updates) run out. */
    private void drainUi() {
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }


    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; player " + view.viewModel().playback()
                        .statusProperty().get());
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
