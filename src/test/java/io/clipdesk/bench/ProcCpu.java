package io.clipdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) from Linux's /proc, in ms: of this JVM's threads whose name has a prefix, or of a
 * process and its descendants. /proc counts in USER_HZ ticks, 100 per second on every Linux ABI.
 */
final class ProcCpu {

    private static final long MS_PER_TICK = 10;

    private ProcCpu() {
    }

    /** This JVM's threads named {@code prefix…} (e.g. "http" for the server's event loops and pool). */
    static long ownThreadsMs(String prefix) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(task -> {
                String stat = read(task.resolve("stat"));
                if (stat.isEmpty()) {
                    return 0; // the thread ended between the listing and the read
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                return name.startsWith(prefix) ? ticks(stat) : 0;
            }).sum() * MS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process and all its descendants (nginx: master and workers). */
    static long processTreeMs(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(p -> ticks(read(Path.of("/proc", Long.toString(p.pid()), "stat"))))
                .sum() * MS_PER_TICK;
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the ")" that ends the command name. */
    private static long ticks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException gone) {
            return ""; // a thread or process that ended meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
