package io.clipdesk.api;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.LiveFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * (ext) {@code /live/{id}_{key}/{rendition}_next.ts}: the segment being written, streamed as it grows, on a real
 * server on port 0 whose sources (the test signal, a file played as live) follow a hand-moved clock, so "half
 * written" is a clock position.
 */
class LiveSegmentApiTest {

    private static final String RENDITION = "media_1_360";

    @TempDir
    Path dir;

    @Test
    void nextSegment_streamsBytesBeforeItIsFinished_andEndsAsTheDvrSegmentItBecomes() throws Exception {
        try (ServerFixture f = new ServerFixture(dir)) {
            f.produce(Duration.ofSeconds(2));
            long dvrEndMs = f.window().endMs();
            LiveStream stream = f.engine.streams().get(ServerFixture.STREAM);
            String next = MediaPaths.liveUrl(stream, RENDITION + "_next.ts") + "?after=" + (dvrEndMs - 1);

            HttpResponse<InputStream> response = f.http.send(f.request(next).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertEquals(Long.toString(dvrEndMs), response.headers().firstValue("X-Segment-Start-Ms").orElse(""));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = response.body()) {
                // Half the segment is written: its bytes come while the DVR does not have it.
                f.clock.advance(Duration.ofMillis(ServerFixture.SEGMENT_MS / 2));
                body.write(in.readNBytes(16_000));
                assertEquals(dvrEndMs, f.window().endMs(), "the segment was finished before its bytes were sent");

                f.clock.advance(Duration.ofMillis(ServerFixture.SEGMENT_MS / 2));
                LiveFeed.await("the segment to be indexed", () -> f.window().endMs() > dvrEndMs);
                in.transferTo(body);
            }

            List<Segment> newest = f.engine.streams().latestSegments(ServerFixture.STREAM, 1);
            assertEquals(dvrEndMs, newest.get(0).startMs());
            byte[] finished = f.media("GET", MediaPaths.liveUrl(stream,
                    MediaPaths.liveSegment(RENDITION, newest.get(0).sequence()))).body();
            assertArrayEquals(finished, body.toByteArray(), "the stream is the DVR segment, byte for byte");
        }
    }

    @Test
    void nextSegment_ofAFilePlayedAsLive_streamsBytesBeforeItIsFinished_andEndsAsTheDvrSegment() throws Exception {
        try (ServerFixture f = new ServerFixture(dir.resolve("data"))) {
            Path file = FfmpegCli.h264File(dir.resolve("loop.mp4"), 3);
            long id = f.engine.streams().create(new StreamDraft("Loop", new SourceSpec(SourceKind.FILE_LOOP,
                    file.toString()), true, 3600)).id();
            // The file plays a second ahead of the clock: half a second on, its first segment is cut and the
            // second half written.
            f.clock.advance(Duration.ofMillis(500));
            LiveFeed.await("the file's first segment", () -> !segments(f, id).isEmpty());
            long dvrEndMs = segments(f, id).get(0).endMs();
            LiveStream stream = f.engine.streams().get(id);
            String rendition = stream.renditions().get(0).name(); // the file's own size, remuxed
            String next = MediaPaths.liveUrl(stream, rendition + "_next.ts") + "?after=" + (dvrEndMs - 1);

            HttpResponse<InputStream> response = f.http.send(f.request(next).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertEquals(Long.toString(dvrEndMs), response.headers().firstValue("X-Segment-Start-Ms").orElse(""));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = response.body()) {
                body.write(in.readNBytes(4_000));
                assertEquals(1, segments(f, id).size(), "the segment was finished before its bytes were sent");

                f.clock.advance(Duration.ofMillis(1_000)); // the rest, and the keyframe that cuts it
                LiveFeed.await("the segment to be indexed", () -> segments(f, id).size() > 1);
                in.transferTo(body);
            }

            Segment indexed = segments(f, id).get(1);
            assertEquals(dvrEndMs, indexed.startMs());
            byte[] finished = f.media("GET", MediaPaths.liveUrl(stream,
                    MediaPaths.liveSegment(rendition, indexed.sequence()))).body();
            assertArrayEquals(finished, body.toByteArray(), "the stream is the DVR segment, byte for byte");
        }
    }

    private static List<Segment> segments(ServerFixture f, long streamId) {
        return f.engine.streams().segments(streamId, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void nextSegment_wrongKeyOrRendition_is404() throws Exception {
        try (ServerFixture f = new ServerFixture(dir)) {
            f.produce(Duration.ofSeconds(1));
            LiveStream stream = f.engine.streams().get(ServerFixture.STREAM);
            assertEquals(404, f.media("GET", MediaPaths.liveUrl(stream, "media_9_999_next.ts")).statusCode());
            assertEquals(404, f.media("GET", "/live/" + stream.id() + "_aaaaaaaaaaaa/" + RENDITION + "_next.ts")
                    .statusCode());
        }
    }
}
