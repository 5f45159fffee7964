package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which local files a file source may read. The desktop plays any file its user picks; a server reachable over
 * the network plays only files below the folders its operator named, else a client holding the API key could
 * open any file the server's user can read, or learn which exist. A path is judged by where it really leads
 * (links followed, {@code ..} resolved), and every refusal outside the folders reads the same, whether or not
 * the file exists.
 */
public final class MediaRoots {

    /** Any file the process can read: the desktop, whose user picks files in their own dialog. */
    public static final MediaRoots ANY_LOCAL_FILE = new MediaRoots(null);

    /** Null for any local file; else the real paths of the allowed folders (possibly none). */
    private final List<Path> roots;

    private MediaRoots(List<Path> roots) {
        this.roots = roots;
    }

    /**
     * Only files below {@code folders} (none: no file at all).
     *
     * @throws IllegalArgumentException with a sentence for the operator when a folder does not exist
     */
    public static MediaRoots only(List<Path> folders) {
        List<Path> real = new ArrayList<>();
        for (Path folder : folders) {
            try {
                Path resolved = folder.toAbsolutePath().toRealPath();
                if (!Files.isDirectory(resolved)) {
                    throw new IllegalArgumentException("media root " + folder + " is not a folder");
                }
                real.add(resolved);
            } catch (IOException e) {
                throw new IllegalArgumentException("media root " + folder + " does not exist or cannot be read");
            }
        }
        return new MediaRoots(List.copyOf(real));
    }

    /** The allowed folders; empty for {@link #ANY_LOCAL_FILE}. */
    public Optional<List<Path>> folders() {
        return Optional.ofNullable(roots);
    }

    /**
     * The file {@code requested} names, as the path it really leads to.
     *
     * @throws InvalidRequestException when it is not an absolute path, lies (or leads) outside the allowed
     *                                 folders, does not exist, or is not a readable regular file
     */
    Path admit(String requested) {
        Path file;
        try {
            file = Path.of(requested);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("file path \"" + shortened(requested) + "\" is not a valid path");
        }
        if (!file.isAbsolute()) {
            throw new InvalidRequestException("file path must be absolute (start with /), got \""
                    + shortened(requested) + "\"");
        }
        Path real = roots == null ? file.normalize() : confined(file.normalize());
        if (!Files.exists(real)) {
            throw new InvalidRequestException("file " + file + " does not exist");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new InvalidRequestException("file " + file + " is not a readable media file");
        }
        return real;
    }

    /**
     * Where {@code normal} really leads, if that is below a root. For a missing file, its deepest existing folder
     * must be below a root and the missing name must not be a dangling link, so "does not exist" is only ever
     * said of a place inside the roots.
     */
    private Path confined(Path normal) {
        if (roots.stream().noneMatch(normal::startsWith)) {
            throw outside();
        }
        Path existing = normal;
        Path missing = null;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                if (!inside(real)) {
                    throw outside();
                }
                if (missing == null) {
                    return real;
                }
                Path first = real.resolve(missing.getName(0));
                if (Files.isSymbolicLink(first)) {
                    throw outside(); // a dangling link: where it points is not ours to tell
                }
                return real.resolve(missing);
            } catch (NoSuchFileException e) {
                missing = missing == null ? existing.getFileName() : existing.getFileName().resolve(missing);
                existing = existing.getParent();
            } catch (IOException e) {
                throw outside();
            }
        }
        throw outside();
    }

    private boolean inside(Path real) {
        return roots.stream().anyMatch(real::startsWith);
    }

    private InvalidRequestException outside() {
        if (roots.isEmpty()) {
            return new InvalidRequestException("file sources are off on this server: its operator has to name the "
                    + "folders they may read with --media-root DIR");
        }
        return new InvalidRequestException("file sources may only read files in the server's media folders ("
                + roots.size() + " set with --media-root); put the file there or ask the operator to add its folder");
    }

    static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
