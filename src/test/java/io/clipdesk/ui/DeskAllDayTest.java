package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.clips.ClipsPanel;
import io.clipdesk.ui.desk.MainView;
import io.clipdesk.ui.desk.PlaybackViewModel;
import io.clipdesk.ui.form.MessageArea;
import io.clipdesk.ui.form.Timecode;
import io.clipdesk.ui.timeline.Marks;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A working day at the desk, on a real engine (test signal in 1 s segments up to a hand-moved clock) and the real
 * window on headless Monocle, sized per test: every action of the clips panel and the status bar inside the window
 * and reached by Tab at laptop and full-HD sizes, marks typed and nudged, go-to, J/K/L, the form's one message, and
 * what a clip is listed as against what its MP4 holds.
 */
@Tag("full-hd-screen")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskAllDayTest extends FxRobot {

    private static final int SEGMENT_MS = 1000;
    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static ClipEngine engine;
    private static Stage stage;
    private static StreamDesk window;
    private static MainView view;

    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir, clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(40));
        stage = FxToolkit.registerPrimaryStage();
        window = fx(() -> ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded"), new FfmpegFrameDecoder()));
        view = window.desk();
        await("a picture", () -> view.viewModel().playback().getPositionMs() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        engine.close();
    }

    @BeforeEach
    void atTheLiveEdge() {
        fx(() -> {
            form().clearMarks();
            form().setExactCut(true);
            playback().goLive();
            return null;
        });
        // The keys to this window (Monocle sends them where it clicked last), the desk; on the picture, which has no
        // tooltip: a tooltip's popup window would take the keys that follow on headless Monocle.
        clickOn(".player");
    }

    // ---- layout and keyboard reach

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1366, 768", "1920, 1080"})
    void everyActionOfTheClipsPanelAndStatusBar_isInsideTheWindow_andReachedByTab(int width, int height) {
        resize(width, height);
        selectAClip();
        fx(() -> {
            form().editMarks(new Marks(window().endMs() - 12_000, window().endMs() - 6_000));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> actions = fx(this::actionsThatMustShow);
        assertTrue(actions.size() >= 14, "found " + actions.size() + " actions");
        Scene scene = stage.getScene();
        for (Node n : actions) {
            Bounds b = fx(() -> n.localToScene(n.getBoundsInLocal()));
            String what = n.getId() + " " + b + " in " + scene.getWidth() + "x" + scene.getHeight();
            assertTrue(fx(n::isVisible), what + " visible");
            assertTrue(b.getWidth() > 8 && b.getHeight() > 8, what + " has room");
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5
                    && b.getMaxY() <= scene.getHeight() + 0.5, what + " inside the window");
            if (n instanceof javafx.scene.control.Control c) {
                String name = fx(c::getAccessibleText);
                assertTrue(name != null && !name.isBlank() || n instanceof CheckBox || n instanceof ButtonBase
                        && !fx(((ButtonBase) n)::getText).isBlank(), what + " has an accessible name");
            }
        }

        // Create and the form's message are pinned under the form's scrolling fields: whole, not merely inside the
        // window (at 1280x720 Create used to sit half under the scroll's edge until scrolled).
        Node create = stage.getScene().lookup("#create-clip");
        assertEquals(List.of(), fx(() -> hiddenParts(create)), "Create clip wholly shown at " + width + "x" + height);
        Node message = stage.getScene().lookup("#clip-message");
        if (fx(message::isVisible)) {
            assertEquals(List.of(), fx(() -> hiddenParts(message)), "the form's message wholly shown");
        }

        List<String> unseen = new ArrayList<>();
        Set<Node> reached = walkTheFocusChain(unseen);
        assertEquals(List.of(), unseen, "each control Tab reaches is scrolled whole into view");
        List<String> missed = new ArrayList<>();
        for (Node n : actions) {
            if (fx(n::isDisabled)) {
                continue; // greyed for this clip (Social before it is ready): no Tab stop, as in any app
            }
            if (n.isFocusTraversable() && !reached.contains(n)) {
                missed.add(n.getId());
            }
            if (!n.isFocusTraversable()) {
                missed.add(n.getId() + " (not traversable)");
            }
        }
        assertEquals(List.of(), missed, "Tab reaches every action; it stopped at " + reached.stream()
                .map(n -> n.getId() == null ? n.getClass().getSimpleName() : n.getId()).toList());
    }

    /** The controls an editor acts with in the clips panel and the status bar, and the clip form's. */
    private List<Node> actionsThatMustShow() {
        List<Node> nodes = new ArrayList<>();
        ClipsPanel panel = window.clipsPanel();
        Node bar = panel.lookup("#clip-actions");
        nodes.addAll(((javafx.scene.layout.Pane) bar).getChildren());
        for (String id : List.of("#clips-export", "#clips-filter", "#clips-list", "#clips-tabs", "#status-keys",
                "#form-in", "#form-out", "#exact-cut", "#keep-vod", "#clip-name", "#clip-expiry", "#create-clip")) {
            Node n = stage.getScene().lookup(id);
            assertTrue(n != null, id + " exists");
            nodes.add(n);
        }
        return nodes;
    }

    /**
     * Tab from the desk until the focus comes round again; every control it stopped at. Each one that is not wholly
     * on screen when it has the focus goes into {@code unseen}, with what hides it.
     */
    private Set<Node> walkTheFocusChain(List<String> unseen) {
        clickOn(".player"); // Monocle sends keys to the window clicked last; a click on no control is the desk
        await("the desk has the keys", () -> fx(() -> stage.getScene().getFocusOwner() == view));
        Set<Node> reached = new LinkedHashSet<>();
        for (int i = 0; i < 160; i++) {
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = fx(() -> stage.getScene().getFocusOwner());
            if (owner != null && !reached.add(owner) && reached.size() > 5) {
                break;
            }
            if (owner != null && owner != view) {
                List<String> hidden = fx(() -> hiddenParts(owner));
                if (!hidden.isEmpty()) {
                    unseen.add(owner.getId() + " " + hidden);
                }
            }
        }
        return reached;
    }

    /**
     * What keeps {@code n} from being wholly on screen: the window's edge, or the viewport of a scroll pane (or a
     * clip) around it. Empty when all of it shows. FX thread.
     */
    private static List<String> hiddenParts(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        List<String> hidden = new ArrayList<>();
        Scene scene = n.getScene();
        if (!inside(b, new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()))) {
            hidden.add("the window " + b);
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                Bounds shown = viewport == null ? sp.localToScene(sp.getLayoutBounds())
                        : viewport.localToScene(viewport.getLayoutBounds());
                if (!inside(b, shown)) {
                    hidden.add("the viewport of " + sp.getId() + " " + shown + " over " + b);
                }
            }
            if (p.getClip() != null && !inside(b, p.localToScene(p.getClip().getBoundsInParent()))) {
                hidden.add("the clip of " + p.getId() + " over " + b);
            }
        }
        return hidden;
    }

    private static boolean inside(Bounds b, Bounds shown) {
        return b.getMinX() >= shown.getMinX() - 0.5 && b.getMinY() >= shown.getMinY() - 0.5
                && b.getMaxX() <= shown.getMaxX() + 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5;
    }

    @Test
    void spaceAndEnterOperateAFocusedClipAction_andEscHandsTheKeysBackToTheDesk() {
        resize(1280, 720);
        selectAClip();
        Node more = lookup("#clip-more").query();
        clickOn(".player");
        fx(() -> {
            more.requestFocus();
            return null;
        });
        boolean playingBefore = playback().isPlaying();
        type(KeyCode.SPACE);
        await("the More menu open", () -> fx(() -> ((javafx.scene.control.MenuButton) more).isShowing()));
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(playingBefore, playback().isPlaying(), "Space went to the control, not the player");
        fx(() -> {
            more.requestFocus();
            return null;
        });
        type(KeyCode.ESCAPE);
        await("the desk has the keys", () -> fx(() -> stage.getScene().getFocusOwner() == view));
    }

    // ---- the window remembers

    @Test
    @Order(Integer.MAX_VALUE) // another window takes the keyboard from the desk's: last, so no key test follows
    void windowPlacementAndSplit_areRestored_andKeptWhenTheWindowCloses() {
        engine.settings().put(WindowPlacement.KEY, "100.0,50.0,1300.0,740.0,false,0.6");
        Stage second = fx(Stage::new);
        StreamDesk desk = fx(() -> ClipdeskWindow.show(second, new EmbeddedDesk(engine, "embedded"), new FfmpegFrameDecoder()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, fx(second::getX), 0.5);
        assertEquals(50, fx(second::getY), 0.5);
        assertEquals(1300, fx(second::getWidth), 0.5);
        assertEquals(740, fx(second::getHeight), 0.5);
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) fx(() -> second.getScene()
                .lookup("#desk-split"));
        assertEquals(0.6, fx(() -> split.getDividerPositions()[0]), 0.01, "the divider where it was left");

        fx(() -> {
            split.setDividerPositions(0.66);
            second.setX(120);
            second.setWidth(1280);
            second.setHeight(720);
            second.hide();
            return null;
        });
        WindowPlacement kept = WindowPlacement.load(desk.backend()).orElseThrow();
        assertEquals(new WindowPlacement(120, 50, 1280, 720, false, 0.66), new WindowPlacement(kept.x(),
                kept.y(), kept.width(), kept.height(), kept.maximized(), Math.round(kept.sideSplit() * 100) / 100.0));
        assertTrue(desk.desk() == null, "closing the window closed its desk");
        fx(() -> {
            stage.toFront(); // headless Monocle leaves the keyboard with no window once the second one hides
            stage.requestFocus();
            return null;
        });
    }

    // ---- marks

    @Test
    void typedMarks_nudges_andGoTo_byKeyboard() {
        resize(1280, 720);
        pauseAt(window().endMs() - 15_000);
        long inMs = playback().getPositionMs() - 3_000 + 80;
        String typed = Timecode.formatMillis(inMs, engine.config().zone());
        TextField in = lookup("#form-in").queryAs(TextField.class);
        clickOn(in);
        fx(() -> {
            in.selectAll();
            return null;
        });
        write(typed);
        type(KeyCode.ENTER);
        await("the typed in mark", () -> form().getMarks().inMs() == inMs);
        assertEquals(Timecode.format(inMs, engine.config().zone()), in.getText(), "shown as timecode");

        type(KeyCode.ESCAPE); // back to the desk
        type(KeyCode.CLOSE_BRACKET);
        await("a frame later", () -> form().getMarks().inMs() == inMs + Timecode.FRAME_MS);
        press(KeyCode.SHIFT).type(KeyCode.OPEN_BRACKET).release(KeyCode.SHIFT);
        await("a second earlier", () -> form().getMarks().inMs() == inMs + Timecode.FRAME_MS - 1000);

        type(KeyCode.O); // out at the picture, 3 s after the typed in
        long outMs = form().getMarks().outMs();
        press(KeyCode.SHIFT).type(KeyCode.I).release(KeyCode.SHIFT);
        await("the picture at the in point", () -> Math.abs(playback().getPositionMs()
                - form().getMarks().inMs()) <= Timecode.FRAME_MS);
        press(KeyCode.SHIFT).type(KeyCode.O).release(KeyCode.SHIFT);
        await("the picture at the out point", () -> Math.abs(playback().getPositionMs() - outMs)
                <= Timecode.FRAME_MS);

        // Out field: ↑ a frame later.
        TextField out = lookup("#form-out").queryAs(TextField.class);
        clickOn(out);
        type(KeyCode.UP);
        await("out a frame later", () -> form().getMarks().outMs() == outMs + Timecode.FRAME_MS);
    }

    @Test
    void messageArea_refusalInTheWarningColour_clearedWhenTheInputChanges() {
        resize(1280, 720);
        MessageArea message = lookup("#clip-message").queryAs(MessageArea.class);
        TextField in = lookup("#form-in").queryAs(TextField.class);
        clickOn(in);
        write("25:99");
        type(KeyCode.ENTER);
        await("the refusal", () -> fx(message::getText).startsWith("“25:99” is not a time of day"));
        assertTrue(fx(message::isWarning), "refusals in the warning colour");
        assertEquals(List.of(), fx(() -> hiddenParts(message)), "the refusal wholly shown, pinned under the fields");
        assertEquals(1, fx(() -> stage.getScene().getRoot().lookupAll(".form-message").stream()
                .filter(Node::isVisible).filter(n -> n.getParent() != null && isInForm(n)).count()).intValue(),
                "one message area in the form");
        type(KeyCode.BACK_SPACE);
        await("cleared as the input changed", () -> !fx(message::getText).contains("25:9"));
        assertFalse(fx(message::isWarning), "a hint again: " + fx(message::getText));
    }

    private static boolean isInForm(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if ("clip-form".equals(p.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void lastThirtySeconds_countsBackFromThePictureOnScreen() {
        pauseAt(window().endMs() - 9_000);
        long shownMs = playback().getPositionMs();
        Set<String> before = ids();
        type(KeyCode.DIGIT3);
        Clip clip = awaitNew(before);
        assertEquals(shownMs, clip.exactRange().orElseThrow().toMs(), "ends at the shown picture");
        assertEquals(shownMs - 30_000, clip.exactRange().orElseThrow().fromMs());
    }

    @Test
    void quickRangePastTheDvrTail_isClippedToWhatItHolds_withANoticeOfHowMuch() {
        DvrWindow w = window();
        pauseAt(w.startMs() + 10_000);
        long shownMs = playback().getPositionMs();
        Set<String> before = ids();
        type(KeyCode.DIGIT9);
        Clip clip = awaitNew(before);
        long deskTailMs = fx(() -> view.viewModel().windowProperty().get().startMs());
        assertEquals(deskTailMs, clip.exactRange().orElseThrow().fromMs(), "from the DVR's oldest picture; shown "
                + shownMs + ", engine's DVR " + w + " then, " + window() + " now, " + clip.exactRange());
        assertEquals(shownMs, clip.exactRange().orElseThrow().toMs(), "up to the picture");
        MessageArea message = lookup("#clip-message").queryAs(MessageArea.class);
        String cut = Timecode.length(deskTailMs - (shownMs - 90_000));
        await("the notice", () -> fx(message::getText).contains("the first " + cut + " asked for were cut"));
        assertTrue(fx(message::isWarning));
    }

    // ---- J/K/L

    @Test
    void jkl_kTogglesPause_lAndJDoubleTo16x_kPlusLStepsAFrame_allShownOnTheTransportBar() {
        pauseAt(window().endMs() - 30_000);
        Label rate = lookup("#transport-rate").queryAs(Label.class);
        await("paused shown", () -> fx(rate::getText).equals("❚❚ paused"));
        type(KeyCode.K);
        await("K plays", () -> fx(rate::getText).equals("▶ 1×"));
        type(KeyCode.K);
        await("K pauses", () -> fx(rate::getText).equals("❚❚ paused"));
        type(KeyCode.L);
        await("L: 1x", () -> fx(rate::getText).equals("▶ 1×"));
        type(KeyCode.L);
        await("L L: 2x", () -> fx(rate::getText).equals("▶▶ 2×"));
        type(KeyCode.L);
        await("4x", () -> fx(rate::getText).equals("▶▶ 4×"));
        type(KeyCode.L);
        await("8x", () -> fx(rate::getText).equals("▶▶ 8×"));
        long at8x = playback().getPositionMs();
        type(KeyCode.L);
        await("16x", () -> fx(rate::getText).equals("▶▶ 16×"));
        // 16x shows a picture per step, 3.2 s of media apart: the picture moves on (to the live edge, where it
        // goes on at 1x), it does not stall on decoding every frame.
        await("16x moves the picture on by steps", () -> playback().getPositionMs() >= at8x + 6_400);
        type(KeyCode.J);
        await("J: back at 1x", () -> fx(rate::getText).equals("◀ 1×"));
        type(KeyCode.J);
        await("J J: back at 2x", () -> fx(rate::getText).equals("◀◀ 2×"));

        pauseAt(window().endMs() - 20_000);
        long at = playback().getPositionMs();
        press(KeyCode.K); // pause toggles to play…
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.L); // …and K+L steps one frame, paused
        await("paused after the step", () -> !playback().isPlaying());
        long stepped = playback().getPositionMs();
        release(KeyCode.K);
        type(KeyCode.K);
        await("K plays again", () -> playback().isPlaying());
        type(KeyCode.K);
        await("paused", () -> !playback().isPlaying());
        fx(() -> {
            playback().seek(at);
            return null;
        });
        await("back", () -> playback().getPositionMs() == at);
        press(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        await("playing", () -> playback().isPlaying());
        release(KeyCode.K);
        press(KeyCode.K); // K pauses; held, then J steps back a frame from where it stopped
        await("paused by K", () -> !playback().isPlaying());
        long stopped = playback().getPositionMs();
        type(KeyCode.J);
        await("a frame back", () -> playback().getPositionMs() == stopped - Timecode.FRAME_MS);
        release(KeyCode.K);
        assertTrue(stepped > at, "K+L stepped forward");
    }

    // ---- listed against delivered

    @ParameterizedTest(name = "exact {0}")
    @CsvSource({"true", "false"})
    void listedDurationAndStart_areWhatTheMp4Holds(boolean exact) throws Exception {
        DvrWindow w = window();
        // Marks inside segments (1 s): in at +520 ms, out at +280 ms, 3.76 s later.
        long inMs = Math.floorDiv(w.endMs() - 15_000, 1000) * 1000 + 520;
        long outMs = inMs + 3_760;
        fx(() -> {
            form().setExactCut(exact);
            form().editMarks(new Marks(inMs, outMs));
            return null;
        });
        String listedLength = fx(() -> form().durationTextProperty().get());
        String listedStart = fx(() -> form().startTextProperty().get());
        long listedMs = fx(() -> form().deliveredProperty().get().orElseThrow().lengthMs());
        Set<String> before = ids();
        fx(() -> {
            form().create();
            return null;
        });
        Clip clip = awaitNew(before);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(2));
        LiveFeed.await("ready", () -> engine.clips().get(clip.id()).status() == io.clipdesk.engine.clip.ClipStatus.READY);
        Path mp4 = ((MediaContent.FileContent) engine.media().clip(STREAM, MediaPaths.clipMasterMp4(clip.id())))
                .path();
        double probedS = Ffprobe.durationS(mp4);
        assertEquals(listedMs / 1000.0, probedS, 0.05, "listed " + listedLength + ", the MP4 holds " + probedS
                + " s (exact " + exact + ")");
        assertEquals(exact ? "0:03.8" : "0:05.0", listedLength);
        Clip ready = engine.clips().get(clip.id());
        assertEquals(listedStart, Timecode.format(ready.cutStartMs(), engine.config().zone()), "listed start");
        // The clips panel lists the clip the same way once delivered.
        await("listed in the panel", () -> fx(() -> window.clipsPanel().viewModel().clips().stream()
                .filter(i -> i.id().equals(clip.id())).anyMatch(i -> i.detailsProperty().get()
                        .startsWith(listedStart + " · " + listedLength))));
    }

    // ---- helpers

    private void selectAClip() {
        if (engine.clips().list(STREAM).isEmpty()) {
            DvrWindow w = window();
            engine.clips().create(ClipRequest.of(STREAM, w.endMs() / 1000 - 10, 4));
        }
        ListView<?> list = lookup("#clips-list").queryAs(ListView.class);
        await("a listed clip", () -> fx(() -> !list.getItems().isEmpty()));
        fx(() -> {
            list.getSelectionModel().select(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void resize(int width, int height) {
        fx(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        await("the window at " + width + "x" + height, () -> fx(() -> Math.abs(stage.getScene().getWidth()
                - width) < 2 && Math.abs(stage.getScene().getHeight() - height) < 2));
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pauseAt(long timeMs) {
        fx(() -> {
            playback().pause();
            playback().seek(timeMs);
            return null;
        });
        await("paused at " + timeMs, () -> !playback().isPlaying()
                && Math.abs(playback().getPositionMs() - timeMs) <= 40);
    }

    private static Set<String> ids() {
        return engine.clips().list(STREAM).stream().map(Clip::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The clip made since {@code before} was taken (the test clock stands still, so creation times tie). */
    private static Clip awaitNew(Set<String> before) {
        await("a new clip", () -> engine.clips().list(STREAM).size() > before.size());
        return engine.clips().list(STREAM).stream().filter(c -> !before.contains(c.id())).findFirst().orElseThrow();
    }

    private static ClipFormViewModel form() {
        return view.viewModel().form();
    }

    private static PlaybackViewModel playback() {
        return view.viewModel().playback();
    }

    private static DvrWindow window() {
        return engine.streams().state(STREAM).window();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; player "
                        + view.viewModel().playback().statusProperty().get());
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
