package io.clipdesk.api;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per request: time, verb, path (never the query), status, bytes sent, milliseconds. Request
 * threads only queue the line; the {@code access-log} thread writes them in batches, so a busy server pays
 * one write per batch instead of a synchronised, flushed log record per request. If the sink stalls and the
 * queue fills, lines are dropped (and counted) rather than stalling requests.
 */
final class AccessLog implements AutoCloseable {

    private static final int QUEUE = 65_536;
    private static final int BATCH = 4_096;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Writer sink;
    private final Thread writer;
    private volatile boolean closing;

    AccessLog(Writer sink) {
        this.sink = sink;
        this.writer = new Thread(this::drain, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void record(ApiExchange ex, long epochMs, long elapsedNanos) {
        String line = Instant.ofEpochMilli(epochMs) + " " + ex.method() + " " + ex.path() + " " + ex.status()
                + " " + ex.bytesSent() + " B " + elapsedNanos / 1_000_000 + " ms\n";
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>(BATCH);
        while (!closing || !lines.isEmpty()) {
            try {
                String first = lines.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lines.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                closing = true;
            }
        }
    }

    private void write(List<String> batch) {
        try {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                sink.write("(" + lost + " access log lines dropped: the log sink was too slow)\n");
            }
            for (String line : batch) {
                sink.write(line);
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
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
