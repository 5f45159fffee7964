package io.clipdesk.api.http;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per request: time, verb, path (never the query), status, bytes sent, milliseconds. Request
 * threads only add the entry's fields to a lock-free queue (no formatting, no wake-up call per request); the
 * {@code access-log} thread looks every {@value #FLUSH_MS} ms, formats what is there and writes it in one batch. If the sink stalls and the queue
 * fills, lines are dropped (and counted) rather than stalling requests.
 */
public final class AccessLog implements AutoCloseable {

    private static final int QUEUE = 65_536;
    private static final int BATCH = 4_096;
    private static final long FLUSH_MS = 50;

    private record Entry(long epochMs, String method, String path, int status, long bytes, long elapsedNanos) {

        String line() {
            return Instant.ofEpochMilli(epochMs) + " " + method + " " + path + " " + status + " " + bytes + " B "
                    + elapsedNanos / 1_000_000 + " ms\n";
        }
    }

    private final Queue<Entry> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Writer sink;
    private final Thread writer;
    private volatile boolean closing;

    public AccessLog(Writer sink) {
        this.sink = sink;
        this.writer = new Thread(this::drain, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void record(ApiExchange ex, long epochMs, long elapsedNanos) {
        Entry line = new Entry(epochMs, ex.method(), ex.path(), ex.status(), ex.bytesSent(), elapsedNanos);
        if (queued.incrementAndGet() > QUEUE) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        lines.add(line);
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (true) {
            boolean last = closing;
            Entry line;
            while (batch.size() < BATCH && (line = lines.poll()) != null) {
                queued.decrementAndGet();
                batch.add(line);
            }
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
                continue;
            }
            if (last) {
                return;
            }
            try {
                Thread.sleep(FLUSH_MS);
            } catch (InterruptedException e) {
                closing = true;
            }
        }
    }

    private void write(List<Entry> batch) {
        try {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                sink.write("(" + lost + " access log lines dropped: the log sink was too slow)\n");
            }
            for (Entry line : batch) {
                sink.write(line.line());
            }
            sink.flush();
        } catch (IOException e) {
            dropped.addAndGet(batch.size());
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
