package io.clipdesk.client;

import io.clipdesk.desk.Backoff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows a remote server's changes, for a desk that shows what every other desk and script does. It reads the
 * server's (ext) event stream, resuming after the last event it saw when the connection breaks; against a server
 * without one (404, a plain Gcore-compatible API) it compares the stream and clip lists every few seconds instead.
 * Network faults are retried with a growing, jittered back-off; the listener hears each state in a sentence.
 * Owns the threads {@code remote-events} (reading, polling, waiting) and {@code remote-events-watch} (a stream
 * silent for longer than three heartbeats is taken for a dead connection and opened again).
 */
public final class RemoteChangeFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteChangeFeed.class.getName());

    /** What hears the feed. Called on the feed's thread, in order: hop to the UI thread there. */
    public interface Listener {

        /** A change on the server. */
        void changed(RemoteChange change);

        /**
         * The feed cannot say what changed since it last looked (it has just begun following, or the server
         * restarted or was away longer than its memory of changes): load the lists again. Called once the feed
         * follows, so a change made during the load comes as a {@link #changed} after it.
         */
        void resync();

        /** How the feed follows the server now. */
        default void status(FeedStatus status) {
        }
    }

    /**
     * @param pollIntervalMs how often lists are compared against a server without events
     * @param silenceMs      how long an event stream may be silent before it is taken for dead (the server sends a
     *                       heartbeat every 15 s)
     * @param firstRetryMs   the first wait after a fault; it doubles up to {@code maxRetryMs}
     */
    public record Options(long pollIntervalMs, long silenceMs, long firstRetryMs, long maxRetryMs) {

        public static final Options DEFAULTS = new Options(2_000, 45_000, 500, 15_000);

        public Options withPollIntervalMs(long ms) {
            return new Options(ms, silenceMs, firstRetryMs, maxRetryMs);
        }

        public Options withRetryMs(long firstMs, long maxMs) {
            return new Options(pollIntervalMs, silenceMs, firstMs, maxMs);
        }
    }

    private final RemoteServer server;
    private final RemoteClipService clips;
    private final Clock clock;
    private final Listener listener;
    private final Options options;
    private final Backoff backoff;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Thread thread;
    private final ScheduledExecutorService watch;
    private final Object sleeper = new Object();
    private volatile boolean closed;
    private volatile InputStream open;
    private volatile long lastByteNanos;
    private volatile FeedStatus status = new FeedStatus(FeedStatus.State.CONNECTING, "connecting", 0);
    /** Only touched on the feed's thread. */
    private String lastEventId = "";
    private boolean polling;
    private ListSnapshot snapshot;
    private long pollNumber;

    private RemoteChangeFeed(RemoteServer server, RemoteClipService clips, Clock clock, Listener listener,
                       Options options) {
        this.server = Objects.requireNonNull(server, "server");
        this.clips = Objects.requireNonNull(clips, "clips");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
        this.backoff = new Backoff(options.firstRetryMs(), options.maxRetryMs());
        this.thread = new Thread(this::run, "remote-events");
        this.thread.setDaemon(true);
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "remote-events-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts following {@code server}; clips it tells of are remembered by {@code clips} (for their links). */
    public static RemoteChangeFeed start(RemoteServer server, RemoteClipService clips, Clock clock, Listener listener,
                                   Options options) {
        RemoteChangeFeed feed = new RemoteChangeFeed(server, clips, clock, listener, options);
        long checkMs = Math.max(100, options.silenceMs() / 3);
        feed.watch.scheduleWithFixedDelay(feed::checkSilence, checkMs, checkMs, TimeUnit.MILLISECONDS);
        feed.thread.start();
        return feed;
    }

    /** How the feed follows the server now. */
    public FeedStatus status() {
        return status;
    }

    private void run() {
        while (!closed) {
            try {
                if (polling) {
                    poll();
                    pause(options.pollIntervalMs());
                } else {
                    follow();
                }
            } catch (RemoteCallException | IOException e) {
                if (closed) {
                    return;
                }
                long waitMs = backoff.next();
                boolean refused = e instanceof RemoteCallException call
                        && (call.status() == 401 || call.status() == 403);
                tell(new FeedStatus(refused ? FeedStatus.State.REFUSED : FeedStatus.State.UNREACHABLE,
                        e.getMessage() + "; trying again in " + Math.max(1, Math.round(waitMs / 1000.0)) + " s",
                        waitMs));
                pause(waitMs);
            } catch (RuntimeException e) {
                // A listener's failure or a server's nonsense: said once, then the feed carries on.
                LOG.log(Level.WARNING, "following " + server.base() + " failed", e);
                pause(backoff.next());
            }
        }
    }

    /** One connection to the event stream, read until it ends. */
    private void follow() throws IOException {
        tell(new FeedStatus(FeedStatus.State.CONNECTING, "connecting to " + server.base(), 0));
        HttpResponse<InputStream> response = server.openEvents("", lastEventId);
        InputStream body = response.body();
        int code = response.statusCode();
        if (code == 404) {
            body.close();
            LOG.info(server.base() + " has no event stream; comparing its lists every "
                    + options.pollIntervalMs() + " ms instead");
            polling = true;
            return;
        }
        if (code != 200) {
            body.close();
            throw new RemoteCallException(code == 401 || code == 403
                    ? "The clip server at " + server.base() + " refused the API key"
                    : "The clip server at " + server.base() + " answered HTTP " + code + " for its events", null,
                    code, false);
        }
        open = body;
        lastByteNanos = System.nanoTime();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            read(reader);
        } finally {
            open = null;
        }
        if (!closed) {
            throw new IOException("the clip server at " + server.base() + " closed its event stream");
        }
    }

    private void read(BufferedReader reader) throws IOException {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            lastByteNanos = System.nanoTime();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    dispatch(id, name, data.toString());
                }
                id = null;
                name = "message";
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // a heartbeat
            } else if (line.startsWith("id:")) {
                id = field(line, 3);
            } else if (line.startsWith("event:")) {
                name = field(line, 6);
            } else if (line.startsWith("data:")) {
                data.append(field(line, 5));
            }
        }
    }

    private static String field(String line, int nameLength) {
        String value = line.substring(nameLength);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void dispatch(String id, String name, String data) throws IOException {
        JsonNode node = mapper.readTree(data);
        switch (name) {
            case "hello" -> {
                backoff.reset();
                tell(new FeedStatus(FeedStatus.State.FOLLOWING, "following " + server.base(), 0));
                if (lastEventId.isEmpty() && id != null) {
                    lastEventId = id;
                    listener.resync();
                }
            }
            case "reset" -> {
                lastEventId = id != null ? id : node.path("last_event_id").asText("");
                listener.resync();
            }
            default -> {
                Optional<ChangeType> type = ChangeType.ofWireName(name);
                if (id != null) {
                    lastEventId = id;
                }
                if (type.isPresent()) {
                    listener.changed(change(id, type.get(), node));
                }
            }
        }
    }

    private RemoteChange change(String id, ChangeType type, JsonNode node) {
        long streamId = node.path("stream_id").asLong();
        ChangeEvent event = new ChangeEvent(id == null ? "" : id, type, streamId, node.path("clip_id").asText(""),
                node.path("video_id").asLong(0), atMs(node.path("at").asText("")));
        Optional<Clip> clip = Optional.empty();
        if (node.path("clip").isObject()) {
            clip = Optional.of(clips.learn(node.get("clip"), streamId));
        } else if (type == ChangeType.CLIP_DELETED || type == ChangeType.CLIP_EXPIRED) {
            clips.forget(event.clipId());
        }
        Optional<RemoteStream> stream = node.path("stream").isObject()
                ? Optional.of(RemoteStreams.toStream(node.get("stream"))) : Optional.empty();
        return new RemoteChange(event, clip, stream);
    }

    private long atMs(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            return clock.millis();
        }
    }

    /** One look at the lists of a server without events: what differs from the last look is a change. */
    private void poll() {
        ListSnapshot now = ListSnapshot.take(server, clips);
        backoff.reset();
        tell(new FeedStatus(FeedStatus.State.POLLING, "following " + server.base() + " by looking every "
                + Math.max(1, options.pollIntervalMs() / 1000) + " s (it sends no events)", 0));
        ListSnapshot before = snapshot;
        snapshot = now;
        if (before == null) {
            listener.resync();
            return;
        }
        for (RemoteChange change : now.changesSince(before, clock.millis(), () -> "poll-" + (++pollNumber))) {
            listener.changed(change);
        }
    }

    private void tell(FeedStatus next) {
        if (next.equals(status) && next.state() != FeedStatus.State.UNREACHABLE) {
            return;
        }
        status = next;
        listener.status(next);
    }

    /** Waits, or returns early when the feed is closed. */
    private void pause(long ms) {
        synchronized (sleeper) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(sleeper, left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void checkSilence() {
        InputStream stream = open;
        if (stream != null && System.nanoTime() - lastByteNanos > TimeUnit.MILLISECONDS.toNanos(options.silenceMs())) {
            LOG.fine(() -> server.base() + ": no event or heartbeat for " + options.silenceMs() + " ms; reconnecting");
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // it is being dropped
        }
    }

    @Override
    public void close() {
        closed = true;
        watch.shutdownNow();
        InputStream stream = open;
        if (stream != null) {
            closeQuietly(stream);
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
