package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.HlsOrigin;
import io.clipdesk.testing.LiveFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pulled live HLS playlist and a file played as live, in the real engine with a hand-moved clock. */
class PullAndFileIngestTest {

    @TempDir
    Path dir;
    SourcesFixture f;

    @BeforeEach
    void open() {
        f = new SourcesFixture(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void hlsPull_keepsTheSourcesProgramDateTime_survivesAnOutage_andAClipOfItPlays() throws Exception {
        try (HlsOrigin origin = HlsOrigin.withSegments(dir.resolve("origin"), 8)) {
            long t0 = f.clock.millis() - 3_000; // the origin's clock: three segments already published
            for (int i = 0; i < 3; i++) {
                origin.publish(i, t0 + i * 1000L, false);
            }
            LiveStream stream = f.create("Pulled", new SourceSpec(SourceKind.HLS_PULL, origin.playlistUrl()));
            // A segment is cut at the next keyframe, so the newest source segment waits for the one after it.
            f.awaitSegments(stream.id(), 2);
            origin.publish(3, t0 + 3000, false);
            f.clock.advance(Duration.ofMillis(1_000)); // the next reload
            f.awaitSegments(stream.id(), 3);
            List<Segment> segments = f.segments(stream.id());
            for (int i = 0; i < 3; i++) {
                assertEquals(t0 + i * 1000L, segments.get(i).startMs(), "segment " + i + " carries the origin's clock");
            }

            f.clock.advance(Duration.ofMillis(2_500)); // the playlist stops growing
            f.engine.sweepNow();
            f.assertHealth(stream.id(), SourceHealth.STALLED);
            origin.outage(true);
            f.clock.advance(Duration.ofMillis(1_000));
            f.awaitHealth(stream.id(), SourceHealth.DISCONNECTED, "cannot pull " + origin.playlistUrl() + ": HTTP 503");
            assertEquals(4, f.segments(stream.id()).size(), "what came before the outage is written");

            origin.outage(false); // back, having lost segment 4 meanwhile
            origin.publish(5, t0 + 7_000, true);
            origin.publish(6, t0 + 8_000, false);
            f.clock.advance(Duration.ofMillis(2_000)); // past the first back-off
            f.awaitSegments(stream.id(), 5);
            segments = f.segments(stream.id());
            assertTrue(segments.get(4).discontinuity(), "the first segment after the outage says so");
            assertEquals(t0 + 7_000, segments.get(4).startMs(), "the gap is the origin's own");
            f.awaitState(stream.id(), SourceHealth.LIVE);

            Clip clip = f.readyClip(stream.id(), (t0 + 1000) / 1000 + 1, 2);
            assertEquals(List.of("h264", "aac"), Ffprobe.codecs(f.clipMp4(clip)));
            assertTrue(Ffprobe.firstVideoPacketFlags(f.clipMp4(clip)).startsWith("K"));
        }
    }

    @Test
    void fileAsLive_andAPushStream_ingestAtOnce_eachIntoItsOwnDvr() throws Exception {
        Path file = FfmpegCli.h264File(dir.resolve("loop.mp4"), 3);
        LiveStream looped = f.create("Loop", new SourceSpec(SourceKind.FILE_LOOP, file.toString()));
        LiveStream pushed = f.create("Camera", PushAddress.rtmp(FfmpegCli.freeTcpPort()).spec());
        f.awaitHealth(pushed.id(), SourceHealth.DISCONNECTED, "waiting for an encoder");
        Process encoder = FfmpegCli.push(PushAddress.of(pushed.source()).orElseThrow()
                .pushUrl("127.0.0.1", pushed.mediaKey()), "flv", 20);
        try {
            LiveFeed.produce(f.clock, f.engine, looped.id(), Duration.ofSeconds(5));
            f.awaitSegments(pushed.id(), 2);
        } finally {
            encoder.destroyForcibly();
        }
        List<Segment> loop = f.segments(looped.id());
        assertTrue(loop.size() >= 5, "5 s of a 3 s file, looped: " + loop.size());
        assertFalse(loop.subList(1, loop.size()).stream().anyMatch(Segment::discontinuity), "a loop is seamless");
        assertTrue(f.segments(pushed.id()).size() >= 2);

        Clip clip = f.readyClip(looped.id(), loop.get(1).startMs() / 1000, 3);
        Path mp4 = f.clipMp4(clip);
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(mp4));
        assertEquals("", Ffprobe.decodeErrors(mp4.toString()));
    }
}
