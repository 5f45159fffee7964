package io.clipdesk.api.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kernel's name of an open file, {@code /proc/PID/fd/N}: read as a link, it is where the file is now, one
 * readlink instead of an lstat per directory of its path. Java does not tell a channel's descriptor number, so it is
 * found once, when the file is opened: the channel's position is set to a value no other descriptor has, and the
 * descriptor whose link names the file and whose {@code fdinfo} shows that position is the channel's. Linux only;
 * elsewhere (or if anything here fails) there is no name and callers check the path itself.
 */
final class OpenFileNames {

    /**
     * Past the end of any media file (they are at most a few GiB) and within every file system's limit on positions
     * (FAT's 4 GiB): positions no reader or writer of this process sets.
     */
    private static final long TAG_BASE = 1L << 30;
    private static final long TAG_SPAN = 1L << 28;
    private static final AtomicLong TAGS = new AtomicLong();
    private static final Path PROCESS = Path.of("/proc", Long.toString(ProcessHandle.current().pid()));

    private OpenFileNames() {
    }

    /**
     * The link that names {@code channel}'s file, just opened from {@code place} (as the kernel names it), or null
     * when it cannot be found or the file is no longer there.
     */
    static Path linkOf(FileChannel channel, Path place) {
        long tag = TAG_BASE + TAGS.incrementAndGet() % TAG_SPAN;
        String position = "pos:\t" + tag + "\n";
        try {
            channel.position(tag);
            try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(PROCESS.resolve("fd"))) {
                for (Path link : descriptors) {
                    if (place.equals(target(link)) && position(link).startsWith(position)) {
                        return link;
                    }
                }
            } finally {
                channel.position(0);
            }
        } catch (IOException | DirectoryIteratorException | SecurityException notLinux) {
            return null;
        }
        return null;
    }

    /** The start of the descriptor's fdinfo ("pos:\t…"); empty if it closed meanwhile (another thread's file). */
    private static String position(Path link) {
        try {
            return Files.readString(PROCESS.resolve("fdinfo").resolve(link.getFileName()));
        } catch (IOException closed) {
            return "";
        }
    }

    /** Where the file open as {@code link} is now; null if that descriptor is closed. */
    static Path target(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException closed) {
            return null;
        }
    }
}
