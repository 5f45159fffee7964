package io.clipdesk.engine.change;

import io.clipdesk.engine.RandomKeys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's recent changes, in order, for desks and scripts that follow it: a bounded ring in memory (a follower
 * that was away longer than the ring reaches loads afresh), numbered {@code <epoch>-<sequence>}. The epoch is new
 * at every start of the engine, so an id from before a restart is recognised as such and answered with a reset
 * rather than silently mistaken for a recent one. Each change is published once, by the service where it happens.
 */
public final class ChangeLog {

    public static final int DEFAULT_CAPACITY = 4096;
    private static final Logger LOG = Logger.getLogger(ChangeLog.class.getName());

    /**
     * What a follower resuming from an id missed: the events after it, or {@code reset} when the log no longer
     * holds them (the id is too old, from another epoch, or malformed) and the follower must load everything anew.
     */
    public record Since(boolean reset, List<ChangeEvent> events) {

        public Since {
            events = List.copyOf(events);
        }
    }

    /** A follower's registration: what it missed, and the handle that ends it. */
    public interface Subscription extends AutoCloseable {

        Since missed();

        @Override
        void close();
    }

    private final Clock clock;
    private final String epoch;
    private final ChangeEvent[] ring;
    private final List<Consumer<ChangeEvent>> followers = new CopyOnWriteArrayList<>();
    /** The sequence number the next event gets; the first is 1. Guarded by {@code this}. */
    private long nextSequence = 1;

    public ChangeLog(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public ChangeLog(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a change log holds at least one event");
        }
        this.clock = clock;
        this.ring = new ChangeEvent[capacity];
        // Letters and digits only: the epoch never contains the '-' that separates it from the sequence.
        this.epoch = RandomKeys.random().substring(0, 8);
    }

    /** This run of the engine; ids of another epoch are from before a restart. */
    public String epoch() {
        return epoch;
    }

    /** The id of the newest event, or {@code <epoch>-0} before the first. */
    public synchronized String lastId() {
        return epoch + "-" + (nextSequence - 1);
    }

    /** Records a change and tells every follower, in order, on the caller's thread. */
    public synchronized ChangeEvent publish(ChangeType type, long streamId, String clipId, long videoId) {
        long sequence = nextSequence++;
        ChangeEvent event = new ChangeEvent(epoch + "-" + sequence, type, streamId, clipId, videoId, clock.millis());
        ring[(int) (sequence % ring.length)] = event;
        for (Consumer<ChangeEvent> follower : followers) {
            try {
                follower.accept(event);
            } catch (RuntimeException e) {
                // A follower's failure is its own; the engine's change has happened and others must hear of it.
                LOG.log(Level.WARNING, "a change follower failed on " + event.id(), e);
            }
        }
        return event;
    }

    /** What a follower that last saw {@code lastEventId} missed; null or empty: nothing (it starts now). */
    public synchronized Since since(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Since(false, List.of());
        }
        long last = sequenceOf(lastEventId.strip());
        long newest = nextSequence - 1;
        long oldestHeld = Math.max(1, nextSequence - ring.length);
        if (last < 0 || last > newest || last < oldestHeld - 1) {
            return new Since(true, List.of());
        }
        List<ChangeEvent> missed = new ArrayList<>((int) (newest - last));
        for (long s = last + 1; s <= newest; s++) {
            missed.add(ring[(int) (s % ring.length)]);
        }
        return new Since(false, missed);
    }

    /**
     * Follows the log from {@code lastEventId} (see {@link #since}): what was missed and every later event, with
     * no gap and no repeat between the two. {@code follower} runs on the publishing thread: it must return quickly
     * (hand the event to a queue) and never call back into the engine.
     */
    public synchronized Subscription follow(String lastEventId, Consumer<ChangeEvent> follower) {
        Since missed = since(lastEventId);
        followers.add(follower);
        return new Subscription() {
            @Override
            public Since missed() {
                return missed;
            }

            @Override
            public void close() {
                followers.remove(follower);
            }
        };
    }

    /** The sequence of an id of this epoch, or -1 for another epoch or a malformed id. */
    private long sequenceOf(String id) {
        int dash = id.lastIndexOf('-');
        if (dash < 0 || !id.substring(0, dash).equals(epoch)) {
            return -1;
        }
        try {
            long sequence = Long.parseLong(id.substring(dash + 1));
            return sequence < 0 ? -1 : sequence;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
