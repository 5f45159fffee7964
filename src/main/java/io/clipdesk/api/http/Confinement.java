package io.clipdesk.api.http;

import io.clipdesk.engine.NotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The rule that a media file is served only from inside the data dir, reached through no link (a link could lead
 * out of it), and only if it is a regular file; anything else is a 404 that says nothing about why.
 */
public final class Confinement {

    private static final System.Logger LOG = System.getLogger(Confinement.class.getName());
    public static final String GONE = "This media does not exist (any more): the clip may have expired or been deleted.";

    private final Path root;
    /** The data dir as the kernel names it (links in its own path resolved), where a confined file must be. */
    private final Path realRoot;

    public Confinement(Path dataRoot) {
        this.root = dataRoot.toAbsolutePath().normalize();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException notYetThere) {
            real = root; // then no open file's kernel name matches, and every check walks the path (attributes)
        }
        this.realRoot = real;
    }

    /**
     * The attributes of a regular file inside the data dir, or 404 when it is missing ({@link
     * java.nio.file.NoSuchFileException}), not a regular file, or reached through a link. Checks each name below
     * the data dir without following links: a few lstat calls instead of resolving the whole path.
     */
    public BasicFileAttributes attributes(Path path) throws IOException {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw refused();
        }
        Path walked = root;
        BasicFileAttributes attributes = null;
        for (Path name : root.relativize(normal)) {
            walked = walked.resolve(name);
            attributes = Files.readAttributes(walked, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                throw refused();
            }
        }
        if (!attributes.isRegularFile()) {
            throw new NotFoundException(GONE);
        }
        return attributes;
    }

    /**
     * Where the kernel names a confined file at {@code path} (as {@code /proc/PID/fd/N} shows an open file): the
     * real data dir and the same names below it. An open file the kernel names so is there now, reached through
     * directories only: a folder moved away (and a link put in its place) or a file deleted or replaced shows
     * under another name.
     */
    Path kernelName(Path path) {
        return realRoot.resolve(root.relativize(path.toAbsolutePath().normalize()));
    }

    static NotFoundException refused() {
        LOG.log(System.Logger.Level.WARNING, "refused to serve a media file reached through a link or outside the "
                + "data dir");
        return new NotFoundException(GONE);
    }
}
