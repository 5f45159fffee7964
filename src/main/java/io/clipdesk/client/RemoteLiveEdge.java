package io.clipdesk.client;

import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * (ext) One remote stream's segment being written, in one rendition, as a Clipdesk server streams it
 * ({@code {rendition}_next.ts}): a {@link LiveSegment} on this side, filled as the bytes arrive, so the desk's
 * player reads the live edge as a local desk does. The segment is finished here only when both its stream ended
 * whole and the desk's own DVR index has it ({@link #indexed}), so the player hands over to a segment the desk
 * knows. Runs a thread of its own while the desk keeps asking; when the server has no segment being written (404:
 * a push waiting for its encoder, or a pushed source's first segment, written whole at its new picture size) it
 * is asked again a segment later.
 */
final class RemoteLiveEdge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteLiveEdge.class.getName());
    /** A desk that has not asked for this long is not at the live edge: stop streaming. */
    private static final long IDLE_MS = 5_000;
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_MS = 500;
    /**
     * After a 404 on the first ask, ask again this late: a segment's length, so a push that starts is followed
     * from its first growing segment on (it was 30 s, while the desk played whole segments a segment behind).
     * Only Clipdesk servers are asked at all ({@link RemoteDesk}).
     */
    private static final long NOT_WRITING_RETRY_MS = 2_000;

    private final long streamId;
    private final String rendition;
    private final URI next;
    private final RemoteServer server;
    private final Clock clock;
    private final Runnable streamEnded;
    private volatile long askedAtMs;
    private volatile boolean running = true;
    private volatile long notWritingUntilMs = Long.MIN_VALUE;
    private volatile LiveSegment current;
    private Thread thread;
    /** The segment streamed whole, waiting for the index; and the newest indexed segment. Guarded by this. */
    private LiveSegment streamed;
    private Segment newestIndexed;

    /** @param streamEnded told when a segment's stream ended whole: the DVR playlist has it now */
    RemoteLiveEdge(long streamId, String rendition, URI next, RemoteServer server, Clock clock,
                   Runnable streamEnded) {
        this.streamId = streamId;
        this.rendition = rendition;
        this.next = next;
        this.server = server;
        this.clock = clock;
        this.streamEnded = streamEnded;
    }

    /** The segment being written as far as it came; starts streaming on the first ask. */
    synchronized Optional<LiveSegment> current() {
        askedAtMs = clock.millis();
        if (askedAtMs < notWritingUntilMs || !running) {
            return Optional.empty();
        }
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(this::follow, "remote-live-" + streamId + "-" + rendition);
            thread.setDaemon(true);
            thread.start();
        }
        LiveSegment live = current;
        return live == null || live.ended() ? Optional.empty() : Optional.of(live);
    }

    /** The desk's index has {@code segment}: the live one it was may now be finished. */
    synchronized void indexed(Segment segment) {
        if (newestIndexed == null || segment.sequence() > newestIndexed.sequence()) {
            newestIndexed = segment;
        }
        finishIfBoth();
    }

    private void finishIfBoth() {
        if (streamed != null && newestIndexed != null && newestIndexed.startMs() >= streamed.startMs()) {
            if (newestIndexed.startMs() == streamed.startMs()) {
                streamed.finish(newestIndexed);
            } else {
                streamed.abandon(); // the index went past it without it: not a segment the desk can hand over to
            }
            streamed = null;
        }
    }

    private void follow() {
        long afterMs = Long.MIN_VALUE;
        while (running && clock.millis() - askedAtMs < IDLE_MS) {
            try {
                afterMs = streamOne(afterMs);
            } catch (RuntimeException | IOException e) {
                LOG.log(Level.FINE, "stream " + streamId + ": the segment being written broke off", e);
                pause();
            }
        }
        synchronized (this) {
            if (streamed != null) {
                streamed.abandon();
                streamed = null;
            }
            thread = null;
        }
    }

    /** Streams the segment after {@code afterMs}; returns its start (or {@code afterMs} when there was none). */
    private long streamOne(long afterMs) throws IOException {
        URI uri = afterMs == Long.MIN_VALUE ? next : URI.create(next + "?after=" + afterMs);
        HttpResponse<InputStream> response = server.openMedia(uri, HEAD_TIMEOUT);
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404 && afterMs == Long.MIN_VALUE && current == null) {
                // Nothing being written: whole segments meanwhile.
                notWritingUntilMs = clock.millis() + NOT_WRITING_RETRY_MS;
                askedAtMs = Long.MIN_VALUE / 2;
                return afterMs;
            }
            Optional<String> start = response.headers().firstValue("X-Segment-Start-Ms");
            if (response.statusCode() != 200 || start.isEmpty()) {
                pause();
                return afterMs;
            }
            long startMs = Long.parseLong(start.get());
            LiveSegment live = new LiveSegment(streamId, rendition, startMs);
            current = live;
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                    live.append(chunk, 0, n);
                }
            } catch (IOException cut) {
                live.abandon(); // the server dropped the segment (or the connection went): not a whole segment
                throw cut;
            }
            synchronized (this) {
                if (streamed != null) {
                    streamed.abandon();
                }
                streamed = live;
                finishIfBoth();
            }
            streamEnded.run();
            return startMs;
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        LiveSegment live = current;
        if (live != null) {
            live.abandon();
        }
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
