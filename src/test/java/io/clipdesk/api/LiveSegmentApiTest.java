package io.clipdesk.api;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.stream.LiveStream;
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
 * server on port 0 whose test signal follows a hand-moved clock, so "half written" is a clock position.
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
