package io.clipdesk.client;

import com.sun.net.httpserver.HttpServer;
import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.desk.Capabilities.Feature;
import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeStatus;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.media.decode.FfmpegFrameDecoder;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's backend on a real headless Clipdesk server (port 0, test signal, 1 s segments, a hand-moved clock): the
 * DVR as the server has it, segment bytes as on its disk, the live edge followed, a bounded cache, clips made with
 * the editor's name, and one clear sentence for each way a server is not usable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteDeskTest {

    final MutableClock clock = MutableClock.atWholeSecond();
    HeadlessServer server;
    String key;
    Path dir;
    RemoteDesk desk;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
        key = Files.readString(dir.resolve("server").resolve("api-key")).strip();
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(6));
        desk = RemoteDesk.connect(server.baseUrl(), key, "Ana", clock, dir.resolve("desk").resolve("settings"));
    }

    @AfterAll
    void stop() {
        desk.close();
        server.close();
    }

    @Test
    void aClipdeskServer_isRecognised_andTheStatusBarNamesIt() {
        assertTrue(desk.isClipdesk());
        assertEquals("server " + server.baseUrl() + " · Ana", desk.describe());
        assertTrue(desk.capabilities().can(Feature.THUMBNAILS));
        assertTrue(desk.capabilities().can(Feature.EXACT_CUT));
        assertFalse(desk.capabilities().can(Feature.EDIT_STREAMS), "streams are the server's to manage");
        assertTrue(desk.capabilities().whyNot(Feature.EDIT_STREAMS).orElseThrow().endsWith("."));
    }

    @Test
    void streams_keepTheServersRenditionNames() {
        LiveStream stream = desk.stream(1);
        assertEquals("Test signal", stream.name());
        assertEquals(List.of("media_1_360", "media_2_720"), stream.renditions().stream().map(Rendition::name).toList());
        assertEquals(640, stream.renditions().get(0).width());
        assertEquals(List.of(1L), desk.streams().stream().map(LiveStream::id).toList());
    }

    @Test
    void dvrIndex_isTheServersToTheMillisecond_andSegmentBytesAreItsFiles() throws Exception {
        List<Segment> local = server.engine().streams().segments(1, 0, Long.MAX_VALUE);
        List<Segment> remote = desk.segments(1, 0, Long.MAX_VALUE);
        // The server's playlist may be read a moment before its newest segment: compare what both have.
        List<Segment> common = local.subList(0, Math.min(local.size(), remote.size()));
        assertTrue(common.size() >= 4, "the DVR holds several segments: " + remote.size());
        assertEquals(common.stream().map(s -> List.of(s.sequence(), s.startMs(), s.durationUs() / 1000)).toList(),
                remote.subList(0, common.size()).stream()
                        .map(s -> List.of(s.sequence(), s.startMs(), s.durationUs() / 1000)).toList(),
                "sequence, start and duration as #EXT-X-PROGRAM-DATE-TIME and #EXTINF say");
        Segment second = common.get(1);
        SegmentMedia media = desk.segment(1, "media_1_360", second.sequence());
        byte[] onDisk = Files.readAllBytes(server.engine().layout().dvrSegment(1, "media_1_360", second.sequence()));
        assertArrayEquals(onDisk, media.open().readAllBytes());
        FrameDecoder decoder = new FfmpegFrameDecoder();
        int[] argb = new int[640 * 360];
        try (FrameDecoder.Cursor cursor = decoder.open(media, 640, 360)) {
            assertEquals(0, cursor.next(argb), "the first picture decodes from the fetched bytes");
        }
        assertThrows(MediaException.class, () -> desk.segment(1, "media_1_360", 999_999),
                "a segment the server does not list");
    }

    @Test
    void thumbnailsAndWaveform_comeFromTheServer() {
        Segment first = desk.segments(1, 0, Long.MAX_VALUE).get(0);
        byte[] jpeg = desk.thumbnail(1, first.sequence()).orElseThrow();
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
        assertTrue(desk.thumbnail(1, 999_999).isEmpty());
        AudioEnvelope envelope = desk.waveform(1, first.startMs(), first.endMs() + 2000, 1000);
        assertTrue(envelope.size() > 50, "20 ms buckets over a few seconds: " + envelope.size());
        boolean beep = false;
        for (int i = 0; i < envelope.size(); i++) {
            beep |= envelope.peak(i) > AudioEnvelope.FULL_SCALE / 4;
        }
        assertTrue(beep, "the test signal's 1 kHz beep on every whole second shows in the peaks");
    }

    @Test
    void theLiveEdge_isFollowed_andEachNewSegmentIsToldOnce() {
        List<Segment> told = new CopyOnWriteArrayList<>();
        SegmentListener listener = new SegmentListener() {
            @Override
            public void onSegment(Segment segment) {
                told.add(segment);
            }
        };
        desk.addListener(listener);
        try {
            long before = desk.segments(1, 0, Long.MAX_VALUE).stream().mapToLong(Segment::sequence).max()
                    .orElseThrow();
            LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(3));
            long newest = server.engine().streams().latestSegments(1, 1).get(0).sequence();
            // The desk re-reads when its clock says a segment is due: move it on past the newest one's turn.
            LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(1));
            LiveFeed.await("the desk to be told of segment " + newest,
                    () -> told.stream().anyMatch(s -> s.sequence() == newest));
            assertEquals(told.stream().map(Segment::sequence).distinct().count(), told.size(), "each told once");
            assertTrue(told.stream().allMatch(s -> s.sequence() > before), "only new ones: " + told);
        } finally {
            desk.removeListener(listener);
        }
    }

    @Test
    void theSegmentCache_staysWithinItsBytes() throws Exception {
        List<Segment> dvr = desk.segments(1, 0, Long.MAX_VALUE);
        long one = desk.segment(1, "media_1_360", dvr.get(0).sequence()).sizeBytes();
        try (RemoteDesk small = RemoteDesk.connect(server.baseUrl(), key, "Ana", clock, dir.resolve("small"),
                one * 2 + one / 2)) {
            for (Segment s : dvr) {
                small.segment(1, "media_1_360", s.sequence());
            }
            assertTrue(small.cachedBytes() <= one * 2 + one / 2, "bounded: " + small.cachedBytes());
            assertTrue(small.cachedBytes() > 0);
        }
    }

    @Test
    void clipsMadeOnTheDesk_sayWhoMadeThem() {
        long startS = desk.state(1).window().startMs() / 1000 + 1;
        Clip made = desk.createClip(ClipRequest.of(1, startS, 2).withName("Goal")
                .withDescription(ClipDescription.EMPTY.withCreatedBy(desk.editor())));
        assertEquals("Ana", made.description().createdBy());
        Clip listed = desk.clips(1).stream().filter(c -> c.id().equals(made.id())).findFirst().orElseThrow();
        assertEquals("Ana", listed.description().createdBy());
        assertEquals("Ana", server.engine().clips().get(made.id()).description().createdBy());
        assertTrue(desk.mediaUrls().clipMaster(listed).startsWith(server.baseUrl() + "/rec/1/"));
    }

    @Test
    void adjustAndReframe_goThroughTheServersExtEndpoints_andTheStillDecodesFromTheClipsSegment() {
        long startS = desk.state(1).window().startMs() / 1000 + 1;
        Clip made = desk.createClip(ClipRequest.of(1, startS, 2).withName("Save"));
        LiveFeed.await("the clip ready", () -> server.engine().clips().get(made.id()).status().name().equals("READY"));

        Clip adjusted = desk.adjustClip(made.id(), (startS + 1) * 1000, (startS + 3) * 1000);
        assertEquals(startS + 1, adjusted.startS());
        assertEquals("Save", adjusted.name());
        assertTrue(desk.clips(1).stream().noneMatch(c -> c.id().equals(made.id())), "the old clip is gone");
        LiveFeed.await("the adjusted clip ready", () -> server.engine().clips().get(adjusted.id()).status().name()
                .equals("READY"));

        Clip ready = server.engine().clips().get(adjusted.id());
        SegmentMedia first = desk.clipSegment(ready, ready.renditions().get(0), 0);
        assertTrue(first.sizeBytes() > 0);
        Reframe queued = desk.reframeClip(ready.id(), ReframeAspect.SQUARE, CropPath.fixed(0.25, 0.5));
        assertEquals(ReframeAspect.SQUARE, queued.aspect());
        assertEquals(0.25, queued.crop().keys().get(0).centerX());
        server.engine().awaitReframes();
        Reframe listed = desk.reframes(ready.id()).get(0);
        assertEquals(ReframeStatus.READY, listed.status(), listed.error());
        assertTrue(listed.durationMs() > 0);
    }

    @Test
    void settings_stayOnTheEditorsMachine_ownerOnly() throws Exception {
        desk.putSetting("ui.sound.volume", "40");
        assertEquals("40", desk.setting("ui.sound.volume").orElseThrow());
        Path file = dir.resolve("desk").resolve("settings");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertTrue(server.engine().settings().get("ui.sound.volume").isEmpty(), "not written on the server");
    }

    @Test
    void aWrongKey_aClosedPort_andNotAServer_eachSayOneSentence() throws Exception {
        RemoteCallException wrongKey = assertThrows(RemoteCallException.class,
                () -> RemoteDesk.connect(server.baseUrl(), "not-the-key", "Ana", clock, dir.resolve("x")));
        assertTrue(wrongKey.getMessage().contains("refused the API key"), wrongKey.getMessage());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        RemoteCallException unreachable = assertThrows(RemoteCallException.class,
                () -> RemoteDesk.connect("http://127.0.0.1:" + closed, key, "Ana", clock, dir.resolve("x")));
        assertTrue(unreachable.getMessage().startsWith("Cannot reach the clip server at http://127.0.0.1:" + closed),
                unreachable.getMessage());

        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        web.createContext("/", ex -> {
            byte[] page = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort();
            RemoteCallException notAServer = assertThrows(RemoteCallException.class,
                    () -> RemoteDesk.connect(url, key, "Ana", clock, dir.resolve("x")));
            assertEquals(url + " does not answer like a Clipdesk or Gcore streaming server (GET /streaming/streams "
                    + "gave no list of streams).", notAServer.getMessage());
        } finally {
            web.stop(0);
        }
        assertTrue(Arrays.stream(new String[] {wrongKey.getMessage(), unreachable.getMessage()})
                .allMatch(m -> m.endsWith(".")), "sentences");
    }
}
