package io.clipdesk.api.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open channels of immutable media files sent by sendfile (clip and DVR segments), shared by every response
 * that sends them. A segment many viewers fetch at once would otherwise cost an open and a close per request,
 * two of the few system calls a response needs besides sendfile itself (nginx pays them too, with its open
 * file cache off). sendfile reads at an explicit offset, so responses never disturb each other's position.
 *
 * <p>A channel is handed out only while the file on disk is still the one it was opened on (inode, size,
 * modification time, as {@link MediaSender} stats it for every request anyway); a replaced or deleted file is
 * opened afresh or answered 404, never served from the old channel. A channel closes when it is dropped from
 * here and the last response sending it is done. Channels unused for {@link #IDLE_MS} are dropped by
 * {@link #sweep}, so a deleted clip's disk space is not held for long; at most {@code maxOpen} stay open.
 */
public final class OpenFiles implements AutoCloseable {

    /** Larger files (whole-clip MP4s) are opened per request: a deleted one should not be held open. */
    static final long MAX_FILE_BYTES = 8L << 20;
    public static final long IDLE_MS = 10_000;

    private final int maxOpen;
    private final Clock clock;
    private final Map<Path, Shared> open = new ConcurrentHashMap<>();

    /** One use of a shared channel; {@link #release} exactly once when the response no longer needs it. */
    public interface Lease {
        FileChannel channel();

        void release();
    }

    public OpenFiles(int maxOpen, Clock clock) {
        this.maxOpen = maxOpen;
        this.clock = clock;
    }

    public static boolean fits(BasicFileAttributes attributes) {
        return attributes.size() <= MAX_FILE_BYTES;
    }

    /**
     * The open channel of {@code realPath}, whose current attributes (just read, links not followed) are
     * {@code attributes}; opened now if none is held for that same file.
     */
    public Lease acquire(Path realPath, BasicFileAttributes attributes) throws IOException {
        long nowMs = clock.millis();
        Shared held = open.get(realPath);
        if (held != null && held.isOf(attributes) && held.retain()) {
            held.lastUsedMs = nowMs;
            return held;
        }
        FileChannel channel = FileChannel.open(realPath, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        Shared fresh = new Shared(channel, attributes, nowMs);
        Shared previous = open.put(realPath, fresh);
        if (previous != null) {
            previous.release();
        }
        trim();
        return fresh;
    }

    /** The file is gone or changed: its channel closes once the responses still sending it are done. */
    public void forget(Path realPath) {
        Shared held = open.remove(realPath);
        if (held != null) {
            held.release();
        }
    }

    /** Drops channels no response asked for in the last {@link #IDLE_MS}. */
    public void sweep() {
        long nowMs = clock.millis();
        open.forEach((path, held) -> {
            if (nowMs - held.lastUsedMs >= IDLE_MS && open.remove(path, held)) {
                held.release();
            }
        });
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        open.keySet().forEach(this::forget);
    }

    private void trim() {
        Iterator<Map.Entry<Path, Shared>> candidates = open.entrySet().iterator();
        while (open.size() > maxOpen && candidates.hasNext()) {
            Map.Entry<Path, Shared> candidate = candidates.next();
            if (open.remove(candidate.getKey(), candidate.getValue())) {
                candidate.getValue().release();
            }
        }
    }

    /** A channel counted by its users: this map holds one count while it keeps the channel, each response one. */
    private static final class Shared implements Lease {

        private final FileChannel channel;
        private final Object fileKey;
        private final long size;
        private final long modifiedMs;
        private final AtomicInteger users = new AtomicInteger(2); // the map's and the first response's
        private volatile long lastUsedMs;

        Shared(FileChannel channel, BasicFileAttributes attributes, long nowMs) {
            this.channel = channel;
            this.fileKey = attributes.fileKey();
            this.size = attributes.size();
            this.modifiedMs = attributes.lastModifiedTime().toMillis();
            this.lastUsedMs = nowMs;
        }

        boolean isOf(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMs == attributes.lastModifiedTime().toMillis()
                    && Objects.equals(fileKey, attributes.fileKey());
        }

        /** False once closed: the caller opens the file afresh. */
        boolean retain() {
            while (true) {
                int count = users.get();
                if (count == 0) {
                    return false;
                }
                if (users.compareAndSet(count, count + 1)) {
                    return true;
                }
            }
        }

        @Override
        public FileChannel channel() {
            return channel;
        }

        @Override
        public void release() {
            if (users.decrementAndGet() == 0) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // only read from; nothing to lose
                }
            }
        }
    }
}
