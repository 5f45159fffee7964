package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.desk.Capabilities.Feature;
import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.testing.PlainGcoreProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk against a plain Gcore-compatible server: a real Clipdesk server behind {@link PlainGcoreProxy}, which
 * answers 404 on every (ext) route and strips every (ext) field. The desk still plays the DVR from
 * {@code hls_mpegts_url} and its program-date-time, creates clips with start, duration, expiration and vod_required,
 * lists them and previews them; thumbnails, the waveform, exact cuts and descriptions are reported missing with a
 * reason instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainGcoreDeskTest {

    final MutableClock clock = MutableClock.atWholeSecond();
    HeadlessServer server;
    PlainGcoreProxy proxy;
    RemoteDesk desk;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(8));
        proxy = new PlainGcoreProxy(server.baseUrl());
        String key = Files.readString(dir.resolve("server").resolve("api-key")).strip();
        desk = RemoteDesk.connect(proxy.baseUrl(), key, "Ana", clock, dir.resolve("desk.properties"));
    }

    @AfterAll
    void stop() {
        desk.close();
        proxy.close();
        server.close();
    }

    @Test
    void whatAPlainServerLacks_isSaidOnePerFeature() {
        assertFalse(desk.isClipdesk());
        for (Feature f : List.of(Feature.THUMBNAILS, Feature.WAVEFORM, Feature.EXACT_CUT, Feature.DESCRIBE)) {
            String why = desk.capabilities().whyNot(f).orElseThrow(() -> new AssertionError(f + " is missing"));
            assertTrue(why.contains("needs a Clipdesk server; this one speaks only Gcore's API."), why);
        }
        assertTrue(desk.thumbnail(1, desk.segments(1, 0, Long.MAX_VALUE).get(0).sequence()).isEmpty());
        assertEquals(AudioEnvelope.EMPTY, desk.waveform(1, 0, 10_000, 100));
        assertThrows(InvalidRequestException.class, () -> desk.describeClip("x", "t", ClipDescription.EMPTY));
    }

    @Test
    void theDvr_playsFromHlsMpegtsUrlAndItsProgramDateTime() {
        List<Segment> local = server.engine().streams().segments(1, 0, Long.MAX_VALUE);
        List<Segment> remote = desk.segments(1, 0, Long.MAX_VALUE);
        assertTrue(remote.size() >= 6, "the DVR: " + remote.size());
        for (int i = 0; i < Math.min(local.size(), remote.size()); i++) {
            assertEquals(local.get(i).startMs(), remote.get(i).startMs(), "segment " + i + " on the wall clock");
        }
        int[] argb = new int[640 * 360];
        try (FrameDecoder.Cursor cursor = new FfmpegFrameDecoder().open(
                desk.segment(1, desk.stream(1).renditions().get(0).name(), remote.get(2).sequence()), 640, 360)) {
            assertEquals(0, cursor.next(argb), "a picture");
        }
    }

    @Test
    void marks_becomeAClipWithStartDurationExpirationAndVod_listedAndPreviewable() throws Exception {
        long startS = desk.segments(1, 0, Long.MAX_VALUE).get(1).startMs() / 1000 + 1;
        long expirationS = clock.millis() / 1000 + 7200;
        Clip made = desk.createClip(ClipRequest.of(1, startS, 3).withExpiration(expirationS).withVod(true)
                .withDescription(ClipDescription.EMPTY.withCreatedBy("Ana")));
        Clip onServer = server.engine().clips().get(made.id());
        assertEquals(startS, onServer.startS());
        assertEquals(3, onServer.durationS());
        assertEquals(expirationS, onServer.expirationS());
        assertTrue(onServer.vodRequired());
        assertEquals("", onServer.description().createdBy(), "a plain server is told no (ext) field");

        Clip listed = desk.clips(1).stream().filter(c -> c.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals(ClipStatus.READY, listed.status(), "no status on the wire: ready once its end has passed");
        String hls = desk.mediaUrls().clipMaster(listed);
        assertTrue(hls.startsWith(server.baseUrl() + "/rec/1/"), "the link the server gave: " + hls);
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(2)); // past its ready time on the server
        server.engine().awaitCuts();
        HttpClient http = HttpClient.newHttpClient();
        LiveFeed.await("the clip's HLS to play", () -> {
            try {
                HttpResponse<String> playlist = http.send(HttpRequest.newBuilder(URI.create(hls)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return playlist.statusCode() == 200 && playlist.body().startsWith("#EXTM3U");
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }
}
