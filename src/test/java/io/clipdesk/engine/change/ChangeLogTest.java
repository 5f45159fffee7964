package io.clipdesk.engine.change;

import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change log's ids, resume and reset rules, on a moved clock. */
class ChangeLogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));

    @Test
    void events_areNumberedInOrderWithinTheEpoch_andStampedWithTheEngineClock() {
        ChangeLog log = new ChangeLog(clock);
        assertEquals(log.epoch() + "-0", log.lastId());
        ChangeEvent created = log.publish(ChangeType.CLIP_CREATED, 1, "abcdefghijkl", 0);
        clock.advance(Duration.ofMillis(1500));
        ChangeEvent ready = log.publish(ChangeType.CLIP_READY, 1, "abcdefghijkl", 0);

        assertEquals(log.epoch() + "-1", created.id());
        assertEquals(log.epoch() + "-2", ready.id());
        assertEquals(log.epoch() + "-2", log.lastId());
        assertEquals(Instant.parse("2026-12-03T08:00:00Z").toEpochMilli(), created.atMs());
        assertEquals(created.atMs() + 1500, ready.atMs());
        assertTrue(log.epoch().matches("[a-z0-9]{8}"), log.epoch());
    }

    @Test
    void since_anIdItHolds_givesExactlyTheEventsAfterIt() {
        ChangeLog log = new ChangeLog(clock);
        for (int i = 0; i < 5; i++) {
            log.publish(ChangeType.STREAM_HEALTH, 1, "", 0);
        }
        ChangeLog.Since since = log.since(log.epoch() + "-2");
        assertFalse(since.reset());
        assertEquals(List.of(log.epoch() + "-3", log.epoch() + "-4", log.epoch() + "-5"),
                since.events().stream().map(ChangeEvent::id).toList());
        assertEquals(List.of(), log.since(log.lastId()).events(), "up to date: nothing missed");
        assertFalse(log.since(log.lastId()).reset());
        assertEquals(5, log.since(log.epoch() + "-0").events().size(), "from before the first: all of them");
        assertEquals(new ChangeLog.Since(false, List.of()), log.since(null), "a new follower starts now");
    }

    @Test
    void since_anIdOlderThanTheRing_orOfAnotherEpoch_orMalformed_isAReset() {
        ChangeLog log = new ChangeLog(clock, 4);
        for (int i = 0; i < 10; i++) {
            log.publish(ChangeType.CLIP_UPDATED, 1, "abcdefghijkl", 0);
        }
        // The ring holds 7..10: after 6 nothing is missing, after 5 event 6 is.
        assertFalse(log.since(log.epoch() + "-6").reset());
        assertEquals(4, log.since(log.epoch() + "-6").events().size());
        assertTrue(log.since(log.epoch() + "-5").reset());

        ChangeLog restarted = new ChangeLog(clock, 4);
        assertNotEquals(log.epoch(), restarted.epoch(), "every start is a new epoch");
        assertTrue(restarted.since(log.epoch() + "-10").reset(), "an id from before a restart");
        assertTrue(log.since(log.epoch() + "-11").reset(), "an id this log never gave");
        assertTrue(log.since("nonsense").reset());
        assertTrue(log.since(log.epoch() + "-x").reset());
        assertTrue(log.since(log.epoch() + "--3").reset());
    }

    @Test
    void follow_givesWhatWasMissedThenEveryLaterEvent_withNoGapAndNoRepeat_untilClosed() {
        ChangeLog log = new ChangeLog(clock);
        log.publish(ChangeType.VIDEO_CREATED, 1, "abcdefghijkl", 7);
        log.publish(ChangeType.VIDEO_READY, 1, "abcdefghijkl", 7);
        List<ChangeEvent> heard = new ArrayList<>();
        ChangeLog.Subscription subscription = log.follow(log.epoch() + "-1", heard::add);
        log.publish(ChangeType.VIDEO_DELETED, 1, "abcdefghijkl", 7);
        subscription.close();
        log.publish(ChangeType.STREAM_DELETED, 1, "", 0);

        assertEquals(List.of(ChangeType.VIDEO_READY), subscription.missed().events().stream()
                .map(ChangeEvent::type).toList());
        assertEquals(List.of(ChangeType.VIDEO_DELETED), heard.stream().map(ChangeEvent::type).toList());
        assertEquals(7, heard.get(0).videoId());
    }

    @Test
    void aFailingFollower_doesNotKeepTheChangeFromTheOthers() {
        ChangeLog log = new ChangeLog(clock);
        List<ChangeEvent> heard = new ArrayList<>();
        log.follow(null, e -> {
            throw new IllegalStateException("a broken follower");
        });
        log.follow(null, heard::add);
        log.publish(ChangeType.STREAM_CREATED, 2, "", 0);
        assertEquals(1, heard.size());
    }

    @Test
    void wireNames_roundTrip() {
        for (ChangeType type : ChangeType.values()) {
            assertEquals(type, ChangeType.ofWireName(type.wireName()).orElseThrow());
        }
        assertEquals("clip_created", ChangeType.CLIP_CREATED.wireName());
        assertTrue(ChangeType.CLIP_EXPIRED.gone());
        assertFalse(ChangeType.CLIP_READY.gone());
    }
}
