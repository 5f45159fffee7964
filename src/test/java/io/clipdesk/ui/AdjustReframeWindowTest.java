package io.clipdesk.ui;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.testing.SignalBars;
import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.clips.ClipItem;
import io.clipdesk.ui.clips.ClipsPanel;
import io.clipdesk.ui.timeline.Marks;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adjust and reframe from the real window on a real engine (test signal, 1 s segments, a hand-moved clock): the A key
 * puts a clip's range on the timeline and Enter makes the corrected clip, which the panel selects; "Social ▾" opens
 * the crop window on a still of the clip, dragged by the pointer, and the version made is cropped there.
 * With {@code -Dclipdesk.screenshot.reframe=FILE} it also writes the README's picture of the reframe view.
 */
class AdjustReframeWindowTest extends FxRobot {

    private static final int SEGMENT_MS = 1000;
    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static ClipEngine engine;
    private static StreamDesk window;

    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir, clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(16));
        Stage stage = FxToolkit.registerPrimaryStage();
        window = fx(() -> ClipdeskWindow.show(stage, new EmbeddedDesk(engine, "embedded"), new FfmpegFrameDecoder()));
        await("a picture", () -> window.desk().viewModel().playback().getPositionMs() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        engine.close();
    }

    private static Clip readyClip(long startS, int durationS, String name) {
        Clip made = engine.clips().create(ClipRequest.of(STREAM, startS, durationS).withName(name)
                .withDescription(new ClipDescription("From the window test", List.of("goal"), "ana")));
        await("clip " + made.id() + " ready", () -> engine.clips().get(made.id()).status() == ClipStatus.READY);
        return engine.clips().get(made.id());
    }

    private static ClipsPanel panel() {
        return window.clipsPanel();
    }

    private void select(Clip clip) {
        await("the panel lists " + clip.id(), () -> fx(() -> panel().viewModel().clips().stream()
                .anyMatch(i -> i.id().equals(clip.id()))));
        fx(() -> {
            ClipItem item = panel().viewModel().clips().stream().filter(i -> i.id().equals(clip.id())).findFirst()
                    .orElseThrow();
            panel().viewModel().selectClip(item);
            return null;
        });
        await("the phase", () -> fx(() -> panel().viewModel().selectedPhaseProperty().get() != null));
    }

    @Test
    void adjustFromThePanel_keyA_movedMarks_enter_makesTheCorrectedClip_andThePanelSelectsIt() {
        long dvrStartS = engine.streams().state(STREAM).window().startMs() / 1000;
        Clip old = readyClip(dvrStartS + 5, 3, "Late cut");
        select(old);
        clickOn("#clips-list");

        type(KeyCode.A);
        ClipFormViewModel form = window.desk().viewModel().form();
        await("the clip's range as marks", () -> fx(() -> form.adjustingProperty().get() != null));
        assertEquals(new Marks(old.fromMs(), old.toMs()), fx(form::getMarks));
        assertEquals("Apply adjust  ⏎", lookup("#create-clip").queryButton().getText());

        fx(() -> {
            form.editMarks(new Marks(old.fromMs() - 2000, old.toMs() + 1000)); // as dragging both handles does
            return null;
        });
        type(KeyCode.ENTER);

        await("a corrected clip selected", () -> fx(() -> {
            ClipItem selected = panel().viewModel().selectedClipProperty().get();
            return selected != null && !selected.id().equals(old.id());
        }));
        Clip corrected = fx(() -> panel().viewModel().selectedClipProperty().get().getClip());
        assertEquals(old.startS() - 2, corrected.startS());
        assertEquals(6, corrected.durationS());
        assertEquals("Late cut", corrected.name());
        assertEquals(old.description(), corrected.description());
        assertThrows(NotFoundException.class, () -> engine.clips().get(old.id()));
        assertTrue(lookup("#clip-message").queryAs(Label.class).getText().startsWith("Adjusted “Late cut”"));
        assertEquals("Create clip  ⏎", lookup("#create-clip").queryButton().getText());
    }

    @Test
    void reframe_withTheCropWindowDraggedToTheLeft_makesA1080x1920VersionCroppedThere() throws Exception {
        long dvrStartS = engine.streams().state(STREAM).window().startMs() / 1000;
        Clip clip = readyClip(dvrStartS + 2, 2, "Vertical me");
        select(clip);

        clickOn("#clip-reframe");
        clickOn("Vertical 9:16…"); // a menu item is no node: found by its text
        await("the crop window", () -> lookup("#reframe-window").tryQuery().isPresent());
        Rectangle crop = lookup("#reframe-window").queryAs(Rectangle.class);
        double before = crop.getX();
        drag(crop).moveBy(-400, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, crop.getX(), 0.5, "dragged against the left edge (it was at " + before + ")");
        assertTrue(lookup("#reframe-where").queryAs(Label.class).getText().contains("from x 0,"));
        WritableImage dialogShot = fx(() -> lookup("#reframe-dialog").query().snapshot(null, null));
        clickOn("#reframe-make");
        await("its progress under the list", () -> fx(() -> panel().viewModel().reframeProgressProperty().get() > 0.2
                || panel().viewModel().reframesTextProperty().get().endsWith("ready")));
        screenshotIfAsked(dialogShot);

        engine.awaitReframes();
        await("the version made", () -> engine.reframes().list(clip.id()).stream()
                .anyMatch(r -> r.status() == ReframeStatus.READY));
        Reframe made = engine.reframes().list(clip.id()).get(0);
        assertEquals(ReframeAspect.VERTICAL, made.aspect());
        assertTrue(made.crop().keys().get(0).centerX() < 0.2, "stored where it was put: " + made.crop());
        Path mp4 = ((MediaContent.FileContent) engine.media().clip(STREAM, made.mp4Name())).path();
        SignalBars.assertMiddleBar(mp4, 1080, 1920, SignalBars.YELLOW);
        await("the panel says so", () -> lookup("#clip-reframes").queryAs(Label.class).getText()
                .equals("9:16 ready"));
        assertNotEquals(0, made.durationMs());
    }

    /** The dialog (picture with the window) beside the clips panel, one PNG. */
    private void screenshotIfAsked(WritableImage left) throws Exception {
        String out = System.getProperty("clipdesk.screenshot.reframe");
        if (out == null) {
            return;
        }
        WritableImage right = fx(() -> panel().snapshot(null, null));
        int w = (int) (left.getWidth() + right.getWidth());
        int h = (int) Math.max(left.getHeight(), right.getHeight());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        draw(image, left, 0);
        draw(image, right, (int) left.getWidth());
        ImageIO.write(image, "png", Path.of(out).toFile());
    }

    private static void draw(BufferedImage image, WritableImage shot, int x0) {
        PixelReader r = shot.getPixelReader();
        for (int y = 0; y < (int) shot.getHeight(); y++) {
            for (int x = 0; x < (int) shot.getWidth(); x++) {
                image.setRGB(x0 + x, y, r.getArgb(x, y));
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        LiveFeed.await(what, condition);
    }
}
