package io.clipdesk.ui.clips;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.ApiKey;
import io.clipdesk.api.ApiServer;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.ClipStatus;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.FxBridge;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clips panel on a real engine (SQLite in a temp dir, the FFmpeg test signal in 1 s segments produced up to a
 * hand-moved clock) and its real HTTP API on port 0, clicked through TestFX on headless Monocle. The preview plays
 * through JavaFX media, which needs an audio sink for the test signal's tone: see .ci/audio-sink.
 */
class ClipsPanelTest extends FxRobot {

    private static final int SEGMENT_MS = 1000;
    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static final List<String> copied = new ArrayList<>();
    private static ClipEngine engine;
    private static ApiServer server;
    private static ClipsPanel panel;

    @BeforeAll
    static void open() throws Exception {
        engine = Engines.open(dir, clock, SEGMENT_MS);
        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(12));
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
            ClipsPanel p = new ClipsPanel(new ClipsViewModel(engine, STREAM, server.baseUrl(), new FxBridge(), shell));
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(p);
            root.getStyleClass().add("clipdesk"); // the theme's palette, as in the main window
            Scene scene = new Scene(root, 420, 780);
            scene.getStylesheets().add(ClipsPanel.class.getResource("/assets/css/clipdesk.css").toExternalForm());
            scene.getStylesheets().add(ClipsPanel.class.getResource("/assets/css/clips.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            return p;
        });
    }

    @AfterAll
    static void close() throws Exception {
        fx(() -> {
            panel.close();
            return null;
        });
        FxToolkit.cleanupStages();
        server.close();
        engine.close();
    }

    @Test
    void countdown_readyInThenExpiresIn_followsTheEngineClock_thenTheClipLeavesTheList() {
        long nowS = clock.millis() / 1000;
        Clip clip = engine.clips().create(ClipRequest.of(STREAM, nowS - 4, 6).withName("Countdown")
                .withExpiration(nowS + 2 + 60));
        // Ready is expected one segment after the end: (now + 2 s) + 1 s.
        awaitState(clip, "recording · ready in 0:03");
        select(clip);
        assertTrue(previewMessage().matches("Recording: ready at \\d\\d:\\d\\d:\\d\\d \\(in 0:03\\)\\."),
                previewMessage());

        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(1));
        awaitState(clip, "recording · ready in 0:02");

        LiveFeed.produce(clock, engine, STREAM, Duration.ofSeconds(3));
        await("the clip ready", () -> engine.clips().get(clip.id()).status() == ClipStatus.READY);
        awaitState(clip, "ready · expires in 0:00:58");

        clock.advance(Duration.ofSeconds(57));
        awaitState(clip, "ready · expires in 0:00:01");

        clock.advance(Duration.ofSeconds(1));
        await("the expired clip to leave the list", () -> fx(() -> item(clip.id()) == null));
        assertTrue(previewMessage().startsWith("Expired at "), previewMessage());
        assertEquals("", fx(() -> panel.viewModel().preview().urlProperty().get()), "nothing plays");
    }

    @Test
    void keep_makesAPermanentVideo_shownOnTheClipAndInTheVideosList() {
        Clip clip = readyClip("Keeper");
        select(clip);
        clickOn("#clip-keep");
        await("VOD on the clip", () -> fx(() -> item(clip.id()).vodTextProperty().get()).startsWith("VOD "));
        long videoId = engine.clips().get(clip.id()).videoId();
        await("the video listed", () -> fx(() -> panel.viewModel().videos().stream().anyMatch(v -> v.id() == videoId)));
        await("VOD ready", () -> fx(() -> item(clip.id()).vodTextProperty().get()).equals("VOD ready"));
    }

    @Test
    void previewHls_ofAReadyClip_plays_andShowsWallClockTime() {
        Clip clip = readyClip("HLS preview");
        select(clip);
        clickOn("#clip-preview-hls");
        assertPlays(clip, "_master.m3u8");

        fx(() -> {
            panel.viewModel().preview().chooseRendition("media_1_360");
            return null;
        });
        assertPlays(clip, "_media_1_360.m3u8");
    }

    @Test
    void previewMp4_ofAReadyClip_plays() {
        Clip clip = readyClip("MP4 preview");
        select(clip);
        clickOn("#clip-preview-mp4");
        assertPlays(clip, "_master.mp4");
    }

    @Test
    void copyHlsLink_putsTheAbsoluteMasterUrlOnTheClipboard() {
        Clip clip = readyClip("Links");
        select(clip);
        clickOn("#clip-copy-hls");
        await("the copy", () -> !copied.isEmpty());
        assertEquals(server.baseUrl() + "/rec/1/rec_" + clip.id() + "_master.m3u8", copied.get(copied.size() - 1));
    }

    private void assertPlays(Clip clip, String urlEnd) {
        PreviewViewModel preview = panel.viewModel().preview();
        await("the preview URL", () -> fx(() -> preview.urlProperty().get()).endsWith(urlEnd));
        await("playback past 0.5 s", () -> fx(preview::getPositionMs) > 500);
        long first = fx(preview::getPositionMs);
        await("playback advancing", () -> fx(preview::getPositionMs) > first + 300);
        assertEquals(MediaPlayer.Status.PLAYING, fx(() -> preview.playerProperty().get().getStatus()));
        String wall = fx(() -> lookup("#preview-wall-time").queryAs(Label.class).getText());
        assertTrue(wall.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d"), wall);
    }

    /** A clip wholly in the DVR already (whatever the clock did): ready as soon as its segments are copied. */
    private static Clip readyClip(String name) {
        long dvrEndS = engine.streams().state(STREAM).window().endMs() / 1000;
        Clip clip = engine.clips().create(ClipRequest.of(STREAM, dvrEndS - 7, 5).withName(name));
        engine.awaitCuts();
        await("clip ready", () -> engine.clips().get(clip.id()).status() == ClipStatus.READY);
        return clip;
    }

    private void select(Clip clip) {
        await("the clip in the list", () -> fx(() -> item(clip.id()) != null));
        fx(() -> {
            ListView<ClipItem> list = lookup("#clips-list").queryListView();
            list.getSelectionModel().select(item(clip.id()));
            list.scrollTo(item(clip.id()));
            return null;
        });
        await("selected", () -> fx(() -> panel.viewModel().selectedClipProperty().get() == item(clip.id())));
    }

    private static String previewMessage() {
        return fx(() -> panel.viewModel().preview().messageProperty().get());
    }

    private static void awaitState(Clip clip, String text) {
        await("\"" + text + "\"", () -> fx(() -> {
            ClipItem item = item(clip.id());
            return item != null && item.stateTextProperty().get().equals(text);
        }));
    }

    private static ClipItem item(String id) {
        return panel.viewModel().clips().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; notice: "
                        + fx(() -> panel.viewModel().noticeProperty().get()) + "; preview: "
                        + fx(() -> panel.viewModel().preview().messageProperty().get()));
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
