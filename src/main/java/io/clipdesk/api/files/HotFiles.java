package io.clipdesk.api.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
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

    /**
     * The file's bytes, from memory when the same file was read before, else read from {@code source}, the file
     * open (so what is read is the file checked, whatever its path names meanwhile).
     */
    byte[] bytes(Path realPath, BasicFileAttributes attributes, FileChannel source) throws IOException {
        Copy held = copies.get(realPath);
        if (held != null && held.isOf(attributes)) {
            return held.bytes;
        }
        ByteBuffer read = ByteBuffer.allocate((int) attributes.size());
        while (read.hasRemaining() && source.read(read, read.position()) >= 0) {
            // positional reads: the channel is shared by responses sending it by sendfile
        }
        byte[] bytes = read.array();
        if (read.hasRemaining()) {
            return Arrays.copyOf(bytes, read.position()); // shorter than it was: serve what was read, keep nothing
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
