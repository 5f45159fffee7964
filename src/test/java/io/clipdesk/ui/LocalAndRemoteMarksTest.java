package io.clipdesk.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.ui.desk.PlaybackViewModel;
import io.clipdesk.ui.timeline.Marks;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same stream on two desks: one embedded in the server's own process, one driving it over HTTP. Paused on the same
 * instants, their in and out marks fall on the same pictures, and their exact clips hold the same frames: the remote
 * desk's DVR times (program date-time plus the segment's own timestamps) are the engine's to the millisecond.
 */
class LocalAndRemoteMarksTest extends FxRobot {

    private static final long STREAM = 1;

    @TempDir
    static Path dir;
    private static final MutableClock clock = MutableClock.atWholeSecond();
    private static HeadlessServer server;
    private static RemoteDesk remoteBackend;
    private static StreamDesk local;
    private static StreamDesk remote;

    @BeforeAll
    static void open() throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir", dir.toString()},
                Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(new ByteArrayOutputStream()));
        LiveFeed.produce(clock, server.engine(), STREAM, Duration.ofSeconds(20));
        String key = Files.readString(dir.resolve("api-key")).strip();
        remoteBackend = RemoteDesk.connect(server.baseUrl(), key, "Remote", clock, dir.resolve("desk.properties"));
        Stage first = FxToolkit.registerPrimaryStage();
        local = fx(() -> ClipdeskWindow.show(first, new EmbeddedDesk(server.engine(), server.baseUrl(), "Local"),
                new FfmpegFrameDecoder()));
        remote = fx(() -> ClipdeskWindow.show(new Stage(), remoteBackend, new FfmpegFrameDecoder()));
        await("both pictures", () -> playback(local).getPositionMs() > 0 && playback(remote).getPositionMs() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        remoteBackend.close();
        server.close();
    }

    @Test
    void marksOnTheSamePictures_cutTheSameFrames() throws Exception {
        DvrWindow dvr = server.engine().streams().state(STREAM).window();
        // Between pictures (25 fps: 40 ms apart) and across a segment boundary (1 s segments): the mark is the picture
        // on screen, which both desks must agree on.
        long inAtMs = Math.floorDiv(dvr.endMs() - 12_000, 1000) * 1000 + 517;
        long outAtMs = inAtMs + 3_291;

        Marks localMarks = markOn(local, inAtMs, outAtMs);
        Marks remoteMarks = markOn(remote, inAtMs, outAtMs);
        assertEquals(localMarks, remoteMarks, "the same pictures on both desks");
        assertTrue(localMarks.inMs() <= inAtMs && inAtMs - localMarks.inMs() < 40, "in on the picture shown at "
                + inAtMs + ": " + localMarks);

        Clip fromLocal = create(local, "Local cut");
        Clip fromRemote = create(remote, "Remote cut");
        LiveFeed.produce(clock, server.engine(), STREAM, Duration.ofSeconds(2));
        Clip readyLocal = awaitReady(fromLocal);
        Clip readyRemote = awaitReady(fromRemote);
        assertEquals(readyLocal.exactRange(), readyRemote.exactRange(), "the same range asked for");
        assertEquals(readyLocal.cutStartMs(), readyRemote.cutStartMs(), "the same first picture");

        JsonNode localFrames = Ffprobe.packets(mp4(readyLocal).toString(), "v");
        JsonNode remoteFrames = Ffprobe.packets(mp4(readyRemote).toString(), "v");
        assertTrue(localFrames.size() > 70, "a 3.3 s clip at 25 fps: " + localFrames.size() + " frames");
        assertEquals(describe(localFrames), describe(remoteFrames), "frame by frame: time and duration");
    }

    private Marks markOn(StreamDesk desk, long inAtMs, long outAtMs) {
        pauseAt(desk, inAtMs);
        fx(() -> {
            desk.desk().viewModel().form().clearMarks();
            desk.desk().viewModel().form().setExactCut(true);
            desk.desk().viewModel().form().markIn();
            return null;
        });
        pauseAt(desk, outAtMs);
        return fx(() -> {
            desk.desk().viewModel().form().markOut();
            return desk.desk().viewModel().form().getMarks();
        });
    }

    private static void pauseAt(StreamDesk desk, long timeMs) {
        fx(() -> {
            playback(desk).pause();
            playback(desk).seek(timeMs);
            return null;
        });
        await("paused at " + timeMs + " on the " + (desk == local ? "local" : "remote") + " desk",
                () -> fx(() -> !playback(desk).isPlaying() && Math.abs(playback(desk).getPositionMs() - timeMs) < 40),
                () -> fx(() -> playback(desk).statusProperty().get()).toString());
    }

    private static Clip create(StreamDesk desk, String name) {
        int before = server.engine().clips().list(STREAM).size();
        fx(() -> {
            desk.desk().viewModel().form().setName(name);
            desk.desk().viewModel().form().create();
            return null;
        });
        await(name + " on the server", () -> server.engine().clips().list(STREAM).size() == before + 1);
        return server.engine().clips().list(STREAM).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Clip awaitReady(Clip clip) {
        await(clip.name() + " ready", () -> server.engine().clips().get(clip.id()).status() == ClipStatus.READY);
        return server.engine().clips().get(clip.id());
    }

    private static Path mp4(Clip clip) {
        return ((MediaContent.FileContent) server.engine().media().clip(STREAM,
                MediaPaths.clipMasterMp4(clip.id()))).path();
    }

    private static List<String> describe(JsonNode packets) {
        List<String> frames = new ArrayList<>();
        packets.forEach(p -> frames.add(p.path("pts").asText() + "/" + p.path("duration").asText()));
        return frames;
    }

    private static PlaybackViewModel playback(StreamDesk desk) {
        return desk.desk().viewModel().playback();
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    private static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; " + state.get());
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
