package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRejectedException;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ClipService a desktop editor uses for a remote server, against a real headless server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteClipServiceTest {

    final MutableClock clock = MutableClock.atWholeSecond();
    HeadlessServer server;
    RemoteServer remote;
    RemoteClipService clips;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir", dir.toString()},
                Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
        remote = new RemoteServer(server.baseUrl(), Files.readString(dir.resolve("api-key")));
        clips = new RemoteClipService(remote, clock);
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(4));
    }

    @AfterAll
    void stop() {
        remote.close();
        server.close();
    }

    private long dvrStartS() {
        return server.engine().streams().state(1).window().startMs() / 1000;
    }

    @Test
    void create_withTheFormsLife_isAcceptedAtBothEnds_keptAFewSecondsInsideTheRange() {
        long nowS = clock.millis() / 1000; // the clip ended before now: available now, on both machines
        assertEquals(nowS + 3600, clips.create(ClipRequest.of(1, dvrStartS() + 1, 1).withLife(3600)).expirationS());
        assertEquals(nowS + 65, clips.create(ClipRequest.of(1, dvrStartS() + 1, 1).withLife(60)).expirationS());
        assertEquals(nowS + 14395, clips.create(ClipRequest.of(1, dvrStartS() + 1, 1).withLife(14400)).expirationS());
    }

    @Test
    void description_travelsOnCreate_andDescribeChangesItOnTheServer() {
        ClipDescription asked = new ClipDescription("Header", List.of("Goal"), "ana");
        Clip created = clips.create(ClipRequest.of(1, dvrStartS() + 1, 1).withName("Goal").withDescription(asked));
        assertEquals(asked, created.description());

        Clip described = clips.describe(created.id(), "Goal 1-0", asked.withTags(List.of("Goal", "home team")));
        assertEquals("Goal 1-0", described.name());
        assertEquals(List.of("Goal", "home team"), server.engine().clips().get(created.id()).description().tags());
        assertEquals("ana", clips.get(created.id()).description().createdBy());
        assertThrows(InvalidRequestException.class, () -> clips.describe(created.id(), " ", asked),
                "the server's 400 is the engine's exception here too");
    }

    @Test
    void create_list_get_delete_roundTripThroughTheServer() throws Exception {
        Clip created = clips.create(ClipRequest.of(1, dvrStartS() + 1, 2).withName("Save of the match"));
        assertTrue(created.id().matches("[a-z0-9]{12}"));
        assertEquals(1, created.streamId());
        assertEquals("Save of the match", created.name());
        assertEquals(2, created.durationS());
        assertTrue(created.createdAtMs() > 0);
        ClipLinks links = clips.links(created.id()).orElseThrow();
        assertTrue(links.mp4Master().startsWith(server.baseUrl() + "/rec/1/rec_" + created.id()), links.toString());

        assertTrue(clips.list(1).stream().anyMatch(c -> c.id().equals(created.id())));
        assertEquals(created.startS(), clips.get(created.id()).startS());
        assertEquals(created.startS(), new RemoteClipService(remote, clock).get(created.id()).startS(),
                "a fresh service finds the clip by searching the streams");

        awaitReady(created.id());
        clips.delete(created.id());
        assertThrows(NotFoundException.class, () -> clips.get(created.id()));
    }

    @Test
    void exactCut_fromTheRemoteDesk_reachesTheServerAsTheMarksMsRange() {
        long startS = dvrStartS() + 1;
        ExactRange marks = new ExactRange(startS * 1000 + 520, startS * 1000 + 1280);
        Clip created = clips.create(ClipRequest.of(1, startS, 2).withExactRange(marks));

        awaitReady(created.id());
        Clip ready = clips.get(created.id());
        assertEquals(ClipAccuracy.FRAME, ready.accuracy());
        assertEquals(marks.fromMs(), ready.cutStartMs());
        assertEquals(marks.toMs(), ready.cutEndMs());
    }

    private void awaitReady(String clipId) {
        LiveFeed.await("clip " + clipId + " ready", () -> clips.get(clipId).status() == ClipStatus.READY);
    }

    @Test
    void serverRefusals_comeBackAsTheEngineExceptions() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> clips.create(ClipRequest.of(1, dvrStartS() + 1, 0)));
        assertTrue(invalid.getMessage().contains("duration 0 s is outside the allowed range"), invalid.getMessage());
        assertThrows(NotFoundException.class, () -> clips.create(ClipRequest.of(99, dvrStartS(), 2)));

        server.engine().streams().update(1, new StreamPatch(Optional.empty(), Optional.of(false), OptionalInt.empty(),
                Optional.empty()));
        try {
            ClipRejectedException rejected = assertThrows(ClipRejectedException.class,
                    () -> clips.create(ClipRequest.of(1, dvrStartS() + 1, 2)));
            assertEquals(ClipRejectedException.Rule.DVR_DISABLED, rejected.rule());
        } finally {
            server.engine().streams().update(1, new StreamPatch(Optional.empty(), Optional.of(true),
                    OptionalInt.empty(), Optional.empty()));
        }
    }

    @Test
    void wrongKey_isARemoteCallException_thatSaysSo() {
        try (RemoteServer wrong = new RemoteServer(server.baseUrl(), "not-the-key-not-the-key")) {
            RemoteCallException e = assertThrows(RemoteCallException.class,
                    () -> new RemoteClipService(wrong, clock).list(1));
            assertTrue(e.getMessage().contains("refused the API key"), e.getMessage());
        }
    }

    @Test
    void remoteStreams_listTheStreamWithItsDvrWindow() {
        List<RemoteStream> streams = new RemoteStreams(remote).list();
        assertEquals(1, streams.size());
        RemoteStream stream = streams.get(0);
        assertTrue(stream.live());
        assertTrue(stream.dvrEnabled());
        assertFalse(stream.dvrWindow().isEmpty());
        assertTrue(stream.hlsMpegtsUrl().endsWith("/dvr.m3u8"), stream.hlsMpegtsUrl());
        assertEquals(stream, new RemoteStreams(remote).get(1));
    }
}
