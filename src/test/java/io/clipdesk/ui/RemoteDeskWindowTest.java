package io.clipdesk.ui;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.clips.ClipItem;
import io.clipdesk.ui.desk.PlaybackViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window driving a real headless server on port 0 over HTTP (test signal, 1 s segments up to a hand-moved
 * clock): it plays the server's DVR, the status bar names the server and the editor, the server's streams are not
 * editable from here (greyed, with the reason), keys I, O and Enter make a clip on the server with the editor's name,
 * and a clip another editor made shows in the clips panel with theirs.
 */
class RemoteDeskWindowTest extends FxRobot {

    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static HeadlessServer server;
    private static RemoteDesk remote;
    private static StreamDesk window;

    @BeforeAll
    static void open() throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
        LiveFeed.produce(clock, server.engine(), STREAM, Duration.ofSeconds(30));
        String key = Files.readString(dir.resolve("server").resolve("api-key")).strip();
        remote = RemoteDesk.connect(server.baseUrl(), key, "Ana", clock, dir.resolve("desk.properties"));
        Stage stage = FxToolkit.registerPrimaryStage();
        window = fx(() -> ClipdeskWindow.show(stage, remote, new FfmpegFrameDecoder()));
        LiveFeed.await("a picture from the server", () -> playback().getPositionMs() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        remote.close();
        server.close();
    }

    @Test
    void theStatusBar_namesTheServerAndTheEditor_andStreamCommandsAreGreyedWithTheReason() {
        Label engine = lookup(".status-item.address").queryAs(Label.class);
        assertEquals("server " + server.baseUrl() + " · Ana", engine.getText());
        assertTrue(lookup("#stream-add").queryAs(Button.class).isDisabled());
        assertTrue(lookup("#stream-commands-greyed").query().getAccessibleHelp().startsWith("Streams are managed"));
    }

    @Test
    void keysIOEnter_makeAClipOnTheServer_withTheEditorsName() {
        java.util.Set<String> before = server.engine().clips().list(STREAM).stream().map(Clip::id)
                .collect(java.util.stream.Collectors.toSet());
        type(KeyCode.K);
        LiveFeed.await("paused", () -> !playback().isPlaying());
        long targetMs = window().endMs() - 15_000;
        fx(() -> {
            playback().seek(targetMs);
            return null;
        });
        LiveFeed.await("the picture at " + targetMs, () -> Math.abs(playback().getPositionMs() - targetMs) <= 40);
        long inMs = playback().getPositionMs();
        type(KeyCode.I);
        for (int i = 0; i < 4; i++) {
            type(KeyCode.RIGHT);
        }
        LiveFeed.await("four seconds later", () -> playback().getPositionMs() >= inMs + 3_900);
        long outMs = playback().getPositionMs();
        type(KeyCode.O);
        type(KeyCode.ENTER);

        LiveFeed.await("the clip on the server",
                () -> server.engine().clips().list(STREAM).size() == before.size() + 1);
        // The one not there before: the test clock stands still, so another test's clip has the same creation time.
        Clip made = server.engine().clips().list(STREAM).stream().filter(c -> !before.contains(c.id())).findFirst()
                .orElseThrow();
        assertEquals("Ana", made.description().createdBy());
        assertEquals(Math.floorDiv(inMs, 1000), made.startS(), 1.0);
        assertEquals((outMs - inMs) / 1000.0, made.durationS(), 1.0);
    }

    @Test
    void aClipAnotherEditorMade_showsInTheClipsPanel_withTheirName() {
        long startS = window().startMs() / 1000 + 2;
        Clip byBo = server.engine().clips().create(ClipRequest.of(STREAM, startS, 3).withName("Bo's save")
                .withDescription(ClipDescription.EMPTY.withCreatedBy("Bo")));
        LiveFeed.await("Bo's clip on the desk", () -> fx(() -> window.clipsPanel().viewModel().clips().stream()
                .map(ClipItem::getClip).anyMatch(c -> c.id().equals(byBo.id())
                        && c.description().createdBy().equals("Bo"))));
    }

    private static PlaybackViewModel playback() {
        return window.desk().viewModel().playback();
    }

    private static DvrWindow window() {
        return server.engine().streams().state(STREAM).window();
    }
}
