package io.clipdesk.ui.clips;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.ApiServer;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import io.clipdesk.ui.threads.FxBridge;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The clips panel on a real engine (SQLite in a temp dir, the FFmpeg test signal in 1 s segments produced up to a
 * hand-moved clock) and its real HTTP API on port 0, in a stage on headless Monocle. The preview plays through
 * JavaFX media, which needs an audio sink for the test signal's tone: run .ci/audio-sink first.
 */
final class PanelFixture implements AutoCloseable {

    static final int SEGMENT_MS = 1000;
    static final long STREAM = 1;

    final MutableClock clock = MutableClock.atWholeSecond();
    final List<String> copied = new CopyOnWriteArrayList<>();
    final ClipEngine engine;
    final ApiServer server;
    final ClipsPanel panel;

    PanelFixture(Path dir, Duration produce) throws Exception {
        engine = Engines.open(dir, clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, STREAM, produce);
        server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, ApiKey.of("k".repeat(32))), ApiBackend.of(engine));
        Stage stage = FxToolkit.registerPrimaryStage();
        DesktopShell shell = new DesktopShell() {
            @Override
            public void copy(String text) {
                copied.add(text);
            }

            @Override
            public void reveal(Path folder) {
            }
        };
        panel = fx(() -> {
            ClipsPanel p = new ClipsPanel(new ClipsViewModel(new EmbeddedDesk(engine, server.baseUrl()), STREAM, new FxBridge(), shell));
            StackPane root = new StackPane(p);
            root.getStyleClass().add("clipdesk"); // the theme's palette, as in the main window
            Scene scene = new Scene(root, 420, 780); // within Monocle's 1280x800 headless screen
            scene.getStylesheets().add(ClipsPanel.class.getResource("/assets/css/clipdesk.css").toExternalForm());
            scene.getStylesheets().add(ClipsPanel.class.getResource(ClipsPanel.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            return p;
        });
    }

    ClipsViewModel vm() {
        return panel.viewModel();
    }

    PreviewViewModel preview() {
        return panel.viewModel().preview();
    }

    /** A clip wholly in the DVR already: ready as soon as its segments are copied. */
    Clip readyClip(String name) {
        long dvrEndS = engine.streams().state(STREAM).window().endMs() / 1000;
        Clip clip = engine.clips().create(ClipRequest.of(STREAM, dvrEndS - 7, 5).withName(name));
        engine.awaitCuts();
        await("clip ready", () -> engine.clips().get(clip.id()).status() == ClipStatus.READY);
        return clip;
    }

    /** Selects the clip's row as a click would. */
    void select(FxRobot robot, Clip clip) {
        await("the clip in the list", () -> fx(() -> item(clip.id()) != null));
        fx(() -> {
            ListView<ClipItem> list = robot.lookup("#clips-list").queryListView();
            list.getSelectionModel().select(item(clip.id()));
            list.scrollTo(item(clip.id()));
            return null;
        });
        await("selected", () -> fx(() -> vm().selectedClipProperty().get() == item(clip.id())));
    }

    void awaitState(Clip clip, String text) {
        await("\"" + text + "\"", () -> fx(() -> {
            ClipItem item = item(clip.id());
            return item != null && item.stateTextProperty().get().equals(text);
        }));
    }

    String previewMessage() {
        return fx(() -> preview().messageProperty().get());
    }

    /** The row of a clip; FX thread. */
    ClipItem item(String id) {
        return vm().clips().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String preview = previewMessage();
                throw new AssertionError("timed out waiting for " + what + "; notice: "
                        + fx(() -> vm().noticeProperty().get()) + "; preview: " + preview
                        + (preview.contains("audio device") ? " (no audio sink: run .ci/audio-sink)" : ""));
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        fx(() -> {
            panel.close();
            return null;
        });
        FxToolkit.cleanupStages();
        server.close();
        engine.close();
    }
}
