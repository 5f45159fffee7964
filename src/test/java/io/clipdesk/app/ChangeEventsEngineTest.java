package io.clipdesk.app;

import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.video.VideoStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's services publish each change once, with the ids a follower needs, on real media and a moved clock. */
class ChangeEventsEngineTest {

    @TempDir
    Path dir;

    @Test
    void aClipsLife_isTold_created_ready_updated_deleted_andItsVideos_created_ready() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.produce(Duration.ofSeconds(6));
            Queue<ChangeEvent> heard = new ConcurrentLinkedQueue<>();
            ChangeLog.Subscription follow = f.engine.changes().follow(f.engine.changes().lastId(), heard::add);

            long startS = f.window().startMs() / 1000 + 1;
            Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 2).withVod(true));
            f.awaitStatus(clip.id(), ClipStatus.READY);
            EngineFixture.await("video ready",
                    () -> f.engine.videos().get(clip.videoId()).status() == VideoStatus.READY);
            f.engine.clips().describe(clip.id(), "Goal", new ClipDescription("header", List.of("goal"), "Ana"));
            f.engine.clips().delete(clip.id());
            follow.close();

            List<ChangeType> clipTypes = heard.stream().filter(e -> e.type().subject() == ChangeType.Subject.CLIP)
                    .map(ChangeEvent::type).toList();
            assertEquals(List.of(ChangeType.CLIP_CREATED, ChangeType.CLIP_READY, ChangeType.CLIP_UPDATED,
                    ChangeType.CLIP_DELETED), clipTypes);
            List<ChangeType> videoTypes = heard.stream().filter(e -> e.type().subject() == ChangeType.Subject.VIDEO)
                    .map(ChangeEvent::type).toList();
            assertEquals(List.of(ChangeType.VIDEO_CREATED, ChangeType.VIDEO_READY, ChangeType.VIDEO_UPDATED),
                    videoTypes);
            for (ChangeEvent event : heard) {
                if (event.type().subject() != ChangeType.Subject.STREAM) {
                    assertEquals(STREAM, event.streamId());
                    assertEquals(clip.id(), event.clipId());
                    assertEquals(clip.videoId(), event.videoId());
                }
            }
        }
    }

    @Test
    void expiry_isTold_whenTheMovedClockPassesIt_andAStreamsLifeIsTold() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.produce(Duration.ofSeconds(6));
            long startS = f.window().startMs() / 1000 + 1;
            Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, startS, 2)
                    .withExpiration(f.clock.millis() / 1000 + 60));
            f.awaitStatus(clip.id(), ClipStatus.READY);
            String before = f.engine.changes().lastId();

            f.clock.set(Instant.ofEpochSecond(clip.expirationS()));
            f.engine.sweepNow();
            ChangeLog.Since since = f.engine.changes().since(before);
            List<ChangeEvent> expired = since.events().stream()
                    .filter(e -> e.type() == ChangeType.CLIP_EXPIRED).toList();
            assertEquals(1, expired.size(), since.toString());
            assertEquals(clip.id(), expired.get(0).clipId());
            assertEquals(f.clock.millis(), expired.get(0).atMs(), "stamped with the engine's clock");

            f.engine.sweepNow();
            assertTrue(f.engine.changes().since(before).events().stream()
                    .filter(e -> e.type() == ChangeType.CLIP_EXPIRED).count() == 1, "told once");

            String beforeDelete = f.engine.changes().lastId();
            f.engine.streams().delete(STREAM);
            List<ChangeType> streamTypes = f.engine.changes().since(beforeDelete).events().stream()
                    .map(ChangeEvent::type).toList();
            assertTrue(streamTypes.contains(ChangeType.STREAM_DELETED), streamTypes.toString());
            assertTrue(streamTypes.contains(ChangeType.STREAM_HEALTH), "its ingest stopped: " + streamTypes);
        }
    }
}
