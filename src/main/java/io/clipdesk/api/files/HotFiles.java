package io.clipdesk.api.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory copies of small immutable media files (playlists, thumbnails) that many viewers ask for at
 * once: for them, opening and stat-ing the file costs more than sending it. Larger files go out by sendfile.
 * A copy is used only while the file on disk is the same one (inode, size, modification time), so a deleted
 * or replaced file is never served from memory. When the budget is exceeded, arbitrary copies
 * are dropped: viewers of a hot clip bring it straight back.
 */
public final class HotFiles {

    public static final long MAX_FILE_BYTES = 64L << 10;
    private final long budgetBytes;
    private final Map<Path, Copy> copies = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();

    private record Copy(Object fileKey, long size, long modifiedMs, byte[] bytes) {

        boolean isOf(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMs == attributes.lastModifiedTime().toMillis()
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }

    public HotFiles(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    static boolean fits(BasicFileAttributes attributes) {
        return attributes.size() <= MAX_FILE_BYTES;
    }

    /** The file's bytes, from memory when the same file was read before. */
    byte[] bytes(Path realPath, BasicFileAttributes attributes) throws IOException {
        Copy held = copies.get(realPath);
        if (held != null && held.isOf(attributes)) {
            return held.bytes;
        }
        byte[] bytes = Files.readAllBytes(realPath);
        if (bytes.length != attributes.size()) {
            return bytes; // changed while we read it: serve what we read, keep nothing
        }
        Copy previous = copies.put(realPath, new Copy(attributes.fileKey(), attributes.size(),
                attributes.lastModifiedTime().toMillis(), bytes));
        heldBytes.addAndGet(bytes.length - (previous == null ? 0 : previous.bytes.length));
        trim();
        return bytes;
    }

    long heldBytes() {
        return heldBytes.get();
    }

    private void trim() {
        Iterator<Map.Entry<Path, Copy>> candidates = copies.entrySet().iterator();
        while (heldBytes.get() > budgetBytes && candidates.hasNext()) {
            Map.Entry<Path, Copy> candidate = candidates.next();
            if (copies.remove(candidate.getKey(), candidate.getValue())) {
                heldBytes.addAndGet(-candidate.getValue().bytes.length);
            }
        }
    }
}
