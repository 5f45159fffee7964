package io.clipdesk.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How full the data dir's file system is. A port, so tests can drive a disk filling up without filling one. */
public interface DiskSpace {

    /** Free and total bytes now, as the engine's own user may write them. */
    Reading read();

    /** One reading; {@code usableBytes} is what this user can still write (root-reserved blocks excluded). */
    record Reading(long usableBytes, long totalBytes) {
    }

    /** The file system that holds {@code dir}. */
    static DiskSpace of(Path dir) {
        return () -> {
            try {
                var store = Files.getFileStore(dir);
                return new Reading(store.getUsableSpace(), store.getTotalSpace());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the free space of the data dir", e);
            }
        };
    }
}
