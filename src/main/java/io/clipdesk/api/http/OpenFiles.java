package io.clipdesk.api.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
 * Open channels of immutable media files (clip and DVR segments, playlists), shared by every response that sends
 * them. A segment many viewers fetch at once would otherwise cost an open and a close per request, two of the few
 * system calls a response needs besides sendfile itself (nginx pays them too, with its open file cache off).
 * sendfile reads at an explicit offset, so responses never disturb each other's position.
 *
 * <p>A channel is handed out only while its file is still where it was opened, inside the data dir and reached
 * through no link ({@link Confinement}): one readlink of the kernel's name for it ({@link OpenFileNames}) shows
 * where it is now, so a folder swapped for a link out of the data dir, or a file deleted or replaced (renamed
 * over), is refused or opened afresh, never served from the old channel. Where the kernel gives no name, the path
 * is walked and the file's inode, size and modification time compared instead. Files are written under a temp
 * name and renamed into place (DurableFiles), never changed where they are. A channel closes when it is dropped
 * from here and the last response sending it is done. Channels unused for {@link #IDLE_MS} are dropped by
 * {@link #sweep}, so a deleted clip's disk space is not held for long; at most {@code maxOpen} stay open.
 */
public final class OpenFiles implements AutoCloseable {

    /** Larger files (whole-clip MP4s) are opened per request: a deleted one should not be held open. */
    static final long MAX_FILE_BYTES = 8L << 20;
    public static final long IDLE_MS = 10_000;

    private final Confinement confinement;
    private final boolean kernelNames;
    private final int maxOpen;
    private final Clock clock;
    private final Map<Path, Shared> open = new ConcurrentHashMap<>();

    /** One use of a shared channel; {@link #release} exactly once when the response no longer needs it. */
    public interface Lease {
        FileChannel channel();

        /** The file's attributes as it was opened (it does not change in place). */
        BasicFileAttributes attributes();

        void release();
    }

    public OpenFiles(Confinement confinement, int maxOpen, Clock clock) {
        this(confinement, maxOpen, clock, true);
    }

    /** @param kernelNames false to check every reuse by walking the path, as where the kernel names no open file */
    OpenFiles(Confinement confinement, int maxOpen, Clock clock, boolean kernelNames) {
        this.confinement = confinement;
        this.kernelNames = kernelNames;
        this.maxOpen = maxOpen;
        this.clock = clock;
    }

    public static boolean fits(BasicFileAttributes attributes) {
        return attributes.size() <= MAX_FILE_BYTES;
    }

    /** The channel kept open for {@code path} if its file is still there (see above), else null. */
    public Lease kept(Path path) {
        Shared held = open.get(path);
        if (held == null || !held.isInPlace(path) || !held.retain()) {
            return null;
        }
        held.lastUsedMs = clock.millis();
        return held;
    }

    /**
     * Opens {@code path}, whose attributes {@link Confinement} has just read, and keeps it open for the next
     * responses.
     */
    public Lease acquire(Path path, BasicFileAttributes attributes) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        Shared fresh;
        try {
            Path place = confinement.kernelName(path);
            Path name = kernelNames ? OpenFileNames.linkOf(channel, place) : null;
            // Its attributes through its kernel name are those of the very file opened, whatever the path holds now.
            fresh = new Shared(channel, name == null ? attributes
                    : Files.readAttributes(name, BasicFileAttributes.class), name, place, clock.millis());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Shared previous = open.put(path, fresh);
        if (previous != null) {
            previous.release();
        }
        trim();
        return fresh;
    }

    /** The file is gone or changed: its channel closes once the responses still sending it are done. */
    public void forget(Path path) {
        Shared held = open.remove(path);
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

    /** Whether a channel is kept for {@code path} (it may still turn out moved when {@link #kept} checks). */
    public boolean holds(Path path) {
        return open.containsKey(path);
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
    private final class Shared implements Lease {

        private final FileChannel channel;
        private final BasicFileAttributes attributes;
        /** The kernel's name of the channel's file (/proc/PID/fd/N), or null to walk the path instead. */
        private final Path kernelName;
        /** Where the kernel names the file while it is in place. */
        private final Path place;
        private final AtomicInteger users = new AtomicInteger(2); // the map's and the first response's
        private volatile long lastUsedMs;

        Shared(FileChannel channel, BasicFileAttributes attributes, Path kernelName, Path place, long nowMs) {
            this.channel = channel;
            this.attributes = attributes;
            this.kernelName = kernelName;
            this.place = place;
            this.lastUsedMs = nowMs;
        }

        /**
         * Whether the file is still at {@code path}. A channel closed meanwhile may have its descriptor number
         * reused for another file: that is found out by {@link #retain}, which then fails.
         */
        boolean isInPlace(Path path) {
            if (kernelName != null) {
                return place.equals(OpenFileNames.target(kernelName));
            }
            try {
                BasicFileAttributes now = confinement.attributes(path);
                return attributes.size() == now.size()
                        && attributes.lastModifiedTime().toMillis() == now.lastModifiedTime().toMillis()
                        && Objects.equals(attributes.fileKey(), now.fileKey());
            } catch (IOException | RuntimeException refusedOrGone) {
                return false; // the caller walks the path again and answers why
            }
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
        public BasicFileAttributes attributes() {
            return attributes;
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
