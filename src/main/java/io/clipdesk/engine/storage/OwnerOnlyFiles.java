package io.clipdesk.engine.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets or the whole catalogue (the API key, the database) are readable by the server's user
 * only: rw------- for files, rwx------ for the data dir. Files made with a looser mode (an older version, a
 * copy, a umask of 022) are tightened when they are opened. On file systems without POSIX modes this does nothing.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** The attribute that creates a file as rw------- in {@code folder} (none where modes do not exist). */
    public static FileAttribute<?>[] fileAttribute(Path folder) {
        return isPosix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} and its missing parents; a new last folder is rwx------, an existing one left as it is. */
    public static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates {@code file} empty as rw------- unless it exists, and tightens it if it exists with a looser mode. */
    public static void createOrTighten(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttribute(file.getParent()));
        } catch (FileAlreadyExistsException exists) {
            tighten(file);
        }
    }

    /** Makes an existing file rw-------; a missing one is fine (nothing to protect). */
    public static void tighten(Path file) throws IOException {
        if (isPosix(file) && Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
