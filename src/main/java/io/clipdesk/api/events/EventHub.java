package io.clipdesk.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.api.clips.ClipDto;
import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.streams.StreamDto;
import io.clipdesk.api.videos.VideoDto;
import io.clipdesk.api.wire.QueryParams;
import io.clipdesk.api.wire.WireTime;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.stream.StreamService;
import io.clipdesk.engine.video.VideoLibrary;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the engine's changes to every open /streaming/events connection. One thread, {@code http-events}, does all
 * of it in order — the engine's events, new connections, heartbeats — so a connection that joins gets what it
 * missed and then every later event with no gap and no repeat. Each event's object is fetched and written as JSON
 * once per base URL (all desks of an office share one), not once per connection.
 */
public final class EventHub implements AutoCloseable {

    /** Proxies and NATs drop a TCP connection silent for a minute or more; a comment line keeps it open. */
    static final long HEARTBEAT_MS = 15_000;
    /** What a browser's EventSource waits before reconnecting by itself. */
    static final long RETRY_MS = 2_000;
    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());
    private static final ByteBuf HEARTBEAT = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(": heartbeat\n\n",
            StandardCharsets.UTF_8));

    /** One open connection and the stream it asked for, if any. */
    private record Follower(ApiExchange exchange, OptionalLong streamId, String baseUrl) {

        boolean wants(ChangeEvent event) {
            return streamId.isEmpty() || streamId.getAsLong() == event.streamId();
        }
    }

    private final ChangeLog changes;
    private final StreamService streams;
    private final ClipService clips;
    private final VideoLibrary videos;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService thread;
    private final ChangeLog.Subscription subscription;
    private final List<Follower> followers = new ArrayList<>();
    /** The sequence of the newest event sent on; only touched on the hub's thread. */
    private long sentSequence;

    public EventHub(ChangeLog changes, StreamService streams, ClipService clips, VideoLibrary videos, ObjectMapper mapper) {
        this.changes = changes;
        this.streams = streams;
        this.clips = clips;
        this.videos = videos;
        this.mapper = mapper;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-events");
            t.setDaemon(true);
            return t;
        });
        String startId = changes.lastId();
        this.sentSequence = sequence(startId);
        this.subscription = changes.follow(startId, event -> thread.execute(() -> send(event)));
        thread.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * A connection whose event-stream head is out: it hears {@code hello}, then what it missed since
     * {@code lastEventId} (or {@code reset} when that is no longer known), then every change as it happens.
     */
    void join(ApiExchange exchange, OptionalLong streamId, String lastEventId) {
        Follower follower = new Follower(exchange, streamId, exchange.baseUrl());
        thread.execute(() -> welcome(follower, lastEventId));
        exchange.sent().addListener(closed -> thread.execute(() -> followers.remove(follower)));
    }

    private void welcome(Follower follower, String lastEventId) {
        if (!follower.exchange().isOpen()) {
            return;
        }
        String current = changes.epoch() + "-" + sentSequence;
        boolean fresh = lastEventId == null || lastEventId.isBlank();
        ChangeLog.Since since = changes.since(lastEventId);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("epoch", changes.epoch());
        hello.put("last_event_id", current);
        hello.put("heartbeat_s", HEARTBEAT_MS / 1000);
        // Only a fresh follower takes the current id from hello: a resuming one keeps its own until its missed
        // events have come, so a cut right after hello loses nothing.
        follower.exchange().stream(frame("retry: " + RETRY_MS + "\n", fresh ? current : null, "hello", hello));
        if (since.reset()) {
            Map<String, Object> reset = new LinkedHashMap<>();
            reset.put("reason", "the event id " + QueryParams.shorten(lastEventId.strip()) + " is from before the "
                    + "server restarted or older than the " + ChangeLog.DEFAULT_CAPACITY + " changes it keeps; "
                    + "load the lists again and follow from last_event_id");
            reset.put("last_event_id", current);
            follower.exchange().stream(frame("", current, "reset", reset));
        } else {
            for (ChangeEvent event : since.events()) {
                // Events the log has but this thread has not sent on yet reach everyone, this one included, next.
                if (event.sequence() <= sentSequence && follower.wants(event)) {
                    follower.exchange().stream(render(event, follower.exchange()));
                }
            }
        }
        followers.add(follower);
    }

    private void send(ChangeEvent event) {
        sentSequence = event.sequence();
        Map<String, ByteBuf> byBase = new HashMap<>();
        for (Follower follower : List.copyOf(followers)) {
            if (follower.wants(event)) {
                ByteBuf frame = byBase.computeIfAbsent(follower.baseUrl(), b -> render(event, follower.exchange()));
                follower.exchange().stream(frame.retainedDuplicate());
            }
        }
        byBase.values().forEach(ByteBuf::release);
    }

    private void heartbeat() {
        for (Follower follower : List.copyOf(followers)) {
            follower.exchange().stream(HEARTBEAT.duplicate());
        }
    }

    private ByteBuf render(ChangeEvent event, ApiExchange exchange) {
        ClipDto clip = null;
        VideoDto video = null;
        StreamDto stream = null;
        if (!event.type().gone()) {
            try {
                switch (event.type().subject()) {
                    case CLIP -> clip = ClipDto.of(clips.get(event.clipId()), exchange);
                    case VIDEO -> video = VideoDto.of(videos.get(event.videoId()), exchange);
                    case STREAM -> stream = StreamDto.of(streams.get(event.streamId()),
                            streams.state(event.streamId()), exchange);
                }
            } catch (NotFoundException goneSince) {
                // Deleted or expired since: its own event follows (or has been sent), which says so.
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event " + event.id() + ": cannot read its object", e);
            }
        }
        boolean hasVideo = event.videoId() > 0;
        EventDto dto = new EventDto(event.id(), event.type().wireName(), event.streamId(), event.clipId(),
                hasVideo ? event.videoId() : null, WireTime.iso(event.atMs()), clip, video, stream);
        return frame("", event.id(), event.type().wireName(), dto);
    }

    /** One Server-Sent Event: {@code prefix} lines, the id (none for null), the name and one line of JSON data. */
    private ByteBuf frame(String prefix, String id, String name, Object data) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
        StringBuilder text = new StringBuilder(prefix);
        if (id != null) {
            text.append("id: ").append(id).append('\n');
        }
        text.append("event: ").append(name).append('\n').append("data: ").append(json).append("\n\n");
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static long sequence(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    @Override
    public void close() {
        subscription.close();
        thread.shutdownNow();
    }
}
