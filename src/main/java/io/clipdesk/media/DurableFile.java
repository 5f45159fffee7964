package io.clipdesk.media;

import io.clipdesk.engine.MediaException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for files this package writes: a row may only point at bytes that survive a power cut. */
public final class DurableFile {

    private DurableFile() {
    }

    public static void sync(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new MediaException("cannot sync " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes a rename into {@code dir} durable (Linux: fsync on the directory). */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new MediaException("cannot sync " + dir + ": " + e.getMessage(), e);
        }
    }
}
