package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An encoder (the ffmpeg CLI) pushing RTMP into the real engine: DVR, clips, losing the encoder and its return. */
class PushIngestTest {

    @TempDir
    Path dir;
    SourcesFixture f;
    Process encoder;

    @BeforeEach
    void open() {
        f = new SourcesFixture(dir);
    }

    @AfterEach
    void close() {
        if (encoder != null) {
            encoder.destroyForcibly();
        }
        f.close();
    }

    private LiveStream rtmpStream() {
        LiveStream stream = f.create("Camera 1", PushAddress.rtmp(FfmpegCli.freeTcpPort()).spec());
        f.awaitHealth(stream.id(), SourceHealth.DISCONNECTED, "waiting for an encoder");
        return stream;
    }

    private Process push(LiveStream stream, int seconds) {
        String url = PushAddress.of(stream.source()).orElseThrow().pushUrl("127.0.0.1", stream.mediaKey());
        encoder = FfmpegCli.push(url, "flv", seconds);
        return encoder;
    }

    @Test
    void rtmpPush_fillsTheDvrWithOneRemuxedRendition_andAClipOfItPlays() throws Exception {
        LiveStream stream = rtmpStream();
        push(stream, 4);
        f.awaitSegments(stream.id(), 3);

        LiveStream adopted = f.engine.streams().get(stream.id());
        assertEquals(List.of("media_1_180"), adopted.renditions().stream().map(Rendition::name).toList(),
                "the stream's renditions are the source's own size");
        f.assertHealth(stream.id(), SourceHealth.LIVE);
        long startS = f.segments(stream.id()).get(0).startMs() / 1000 + 1;
        Clip clip = f.readyClip(stream.id(), startS, 2);

        Path mp4 = f.clipMp4(clip);
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(mp4));
        double mediaS = Ffprobe.durationS(mp4);
        assertTrue(mediaS > 1.9 && mediaS < 4.1, "2 s asked, cut on segment boundaries: " + mediaS);
        assertTrue(Ffprobe.firstVideoPacketFlags(mp4).startsWith("K"));
        assertEquals("", Ffprobe.decodeErrors(f.clipFile(stream.id(), MediaPaths.clipMaster(clip.id())).toString()));
    }

    @Test
    void encoderCutMidStream_isStalledThenDisconnected_theGapIsRecorded_andIngestResumesWhenItReturns()
            throws Exception {
        LiveStream stream = rtmpStream();
        Process first = push(stream, 60);
        f.awaitSegments(stream.id(), 2);
        FfmpegCli.signal(first, "STOP"); // frozen: the connection stays open, no media comes
        f.awaitQuiet(stream.id()); // what was already on the wire is taken

        f.clock.advance(Duration.ofMillis(2_500));
        f.engine.sweepNow();
        f.assertHealth(stream.id(), SourceHealth.STALLED); // no media for 2 × the target duration
        for (int s = 0; s < 20 && f.state(stream.id()) != SourceHealth.DISCONNECTED; s++) {
            f.clock.advance(Duration.ofMillis(500)); // on until the source gives the silent encoder up
            Thread.sleep(50);
        }
        f.awaitHealth(stream.id(), SourceHealth.DISCONNECTED, "no media from the encoder for 5 s");
        first.destroyForcibly().waitFor();
        int before = f.segments(stream.id()).size(); // the media received before the freeze is all written now

        push(stream, 20);
        f.awaitSegments(stream.id(), before + 3);
        List<Segment> segments = f.segments(stream.id());
        assertTrue(segments.size() > before, "the engine kept running and took the encoder back");
        Segment lastBefore = segments.get(before - 1);
        Segment firstAfter = segments.get(before);
        assertTrue(firstAfter.discontinuity(), "the first segment after the gap says so");
        assertTrue(firstAfter.startMs() - lastBefore.endMs() >= 2_000,
                "the gap stays visible in wall-clock time: " + lastBefore + " → " + firstAfter);
        f.assertHealth(stream.id(), SourceHealth.LIVE);

        Clip across = f.readyClip(stream.id(), lastBefore.startMs() / 1000, (firstAfter.endMs() + 999) / 1000
                - lastBefore.startMs() / 1000);
        String playlist = Files.readString(f.clipFile(stream.id(), MediaPaths.clipPlaylist(across.id(), "media_1_180")));
        assertTrue(playlist.contains("#EXT-X-DISCONTINUITY"), playlist);
        double mediaS = Ffprobe.durationS(f.clipMp4(across));
        assertTrue(mediaS < (across.cutEndMs() - across.cutStartMs()) / 1000.0,
                "a clip across a gap holds less media than its wall-clock range: " + mediaS + " s");
    }
}
