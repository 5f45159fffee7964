package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.Capabilities.Feature;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: what the backend cannot do is greyed where it is, with the backend's reason as tooltip and accessible
 * help, not refused once clicked. The desk drives a real engine through a backend that says it lacks exact cut,
 * describe, keep-as-VOD, adjust, reframe and delivery (everything else is the embedded engine's).
 */
class GreyedFeaturesTest extends FxRobot {

    private static final long STREAM = 1;
    private static final Map<Feature, String> WHY = Map.of(
            Feature.EXACT_CUT, "An exact cut needs a Clipdesk server. Clips are cut on segments.",
            Feature.DESCRIBE, "Describing a clip needs a Clipdesk server.",
            Feature.KEEP_LATER, "A server keeps a clip only when it is created with keep ticked.",
            Feature.ADJUST, "Adjusting a clip needs a Clipdesk server. Delete it and clip again.",
            Feature.REFRAME, "Social versions of a clip need a Clipdesk server.",
            Feature.DELIVER, "Sending clips is set up on the server's own desk.");

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static ClipEngine engine;
    private static StreamDesk window;
    private static Clip clip;

    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir, clock, 1000);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(20));
        DvrWindow w = engine.streams().state(STREAM).window();
        clip = engine.clips().create(ClipRequest.of(STREAM, w.endMs() / 1000 - 8, 4));
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(2));
        LiveFeed.await("ready", () -> engine.clips().get(clip.id()).status() == ClipStatus.READY);
        Capabilities lacking = Capabilities.ALL;
        for (Map.Entry<Feature, String> e : WHY.entrySet()) {
            lacking = lacking.without(e.getKey(), e.getValue());
        }
        DeskBackend backend = lacking(new EmbeddedDesk(engine, "embedded"), lacking);
        Stage stage = FxToolkit.registerPrimaryStage();
        window = fx(() -> {
            StreamDesk desk = ClipdeskWindow.show(stage, backend, new FfmpegFrameDecoder());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(720);
            return desk;
        });
        ListView<?> list = fx(() -> (ListView<?>) stage.getScene().lookup("#clips-list"));
        await("the clip listed", () -> fx(() -> !list.getItems().isEmpty()));
        fx(() -> {
            list.getSelectionModel().select(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The embedded engine, saying it lacks what {@code capabilities} says: a fake backend for this test only. */
    private static DeskBackend lacking(DeskBackend real, Capabilities capabilities) {
        return (DeskBackend) Proxy.newProxyInstance(DeskBackend.class.getClassLoader(),
                new Class<?>[] {DeskBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("capabilities")) {
                        return capabilities;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        engine.close();
    }

    @Test
    void exactCut_isGreyedOff_withTheReason_andTheFormCutsOnSegments() {
        CheckBox exact = lookup("#exact-cut").queryAs(CheckBox.class);
        assertTrue(fx(exact::isDisabled), "greyed");
        assertFalse(fx(exact::isSelected), "off");
        assertEquals(WHY.get(Feature.EXACT_CUT), fx(exact::getAccessibleHelp));
        assertEquals(WHY.get(Feature.EXACT_CUT), tooltipOf(lookup("#exact-cut-greyed").query()));
        fx(() -> {
            window.desk().viewModel().form().setExactCut(true); // the stored choice of an earlier session
            return null;
        });
        assertFalse(fx(() -> window.desk().viewModel().form().exactCutProperty().get()), "stays a segment cut");
    }

    @Test
    void describeReframeAndSendTo_areGreyedWithTheReason_forAReadyClip() {
        assertGreyed("#clip-describe", WHY.get(Feature.DESCRIBE));
        assertGreyed("#clip-reframe", WHY.get(Feature.REFRAME));
        assertGreyed("#clip-send-to", WHY.get(Feature.DELIVER));
        // What the backend can do stays as it was: the clip is ready, so saving its MP4 is offered.
        assertFalse(fx(() -> lookup("#clip-save-mp4").query().isDisabled()), "Save MP4 offered");
    }

    @Test
    void adjustAndKeep_inMore_areGreyedWithTheReason_andDoNothing() {
        MenuButton more = lookup("#clip-more").queryAs(MenuButton.class);
        for (Feature f : new Feature[] {Feature.ADJUST, Feature.KEEP_LATER}) {
            String id = f == Feature.ADJUST ? "clip-adjust" : "clip-keep";
            MenuItem item = fx(() -> more.getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                    .orElseThrow());
            assertTrue(item instanceof CustomMenuItem && item.getStyleClass().contains("unavailable"),
                    id + " greyed");
            Label text = (Label) ((CustomMenuItem) item).getContent();
            assertEquals(WHY.get(f), fx(text::getAccessibleHelp), id);
            assertEquals(WHY.get(f), fx(() -> text.getTooltip().getText()), id);
            fx(() -> {
                item.fire();
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> window.desk().viewModel().form().adjustingProperty().get()), "no adjust began");
        assertFalse(engine.clips().get(clip.id()).vodRequired(), "not kept");

        // A at the desk: the same reason, in the panel's notice, and the marks stay as they were.
        clickOn(".player");
        type(KeyCode.A);
        Label notice = lookup("#clips-notice").queryAs(Label.class);
        await("the reason", () -> fx(notice::getText).equals(WHY.get(Feature.ADJUST)));
        assertNull(fx(() -> window.desk().viewModel().form().adjustingProperty().get()));
    }

    private void assertGreyed(String id, String why) {
        Control control = lookup(id).queryAs(Control.class);
        assertTrue(fx(control::isDisabled), id + " greyed");
        assertEquals(why, fx(control::getAccessibleHelp), id + " says why to a screen reader");
        assertEquals(why, tooltipOf(lookup(id + "-greyed").query()), id + " says why on hover");
    }

    /** The tooltip installed on {@code node} (Tooltip.install keeps it in the node's properties). */
    private static String tooltipOf(Node node) {
        Object t = fx(() -> node.getProperties().get("javafx.scene.control.Tooltip"));
        return t instanceof Tooltip tip ? fx(tip::getText) : null;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
