package io.clipdesk.client;

import io.clipdesk.engine.storage.OwnerOnlyFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A remote desk's own settings (quick markers, listening level) in a properties file on the editor's machine: they
 * belong to the editor, not to the server the desk happens to drive. Owner-only, written whole through a temporary
 * file. Thread safe.
 */
final class LocalSettings {

    private final Path file;

    LocalSettings(Path file) {
        this.file = file;
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(load().getProperty(key));
    }

    synchronized void put(String key, String value) {
        Properties all = load();
        all.setProperty(key, value);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            OwnerOnlyFiles.createOrTighten(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                all.store(out, "Clipdesk desk settings");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the desk's settings in " + file, e);
        }
    }

    private Properties load() {
        Properties all = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            all.load(in);
        } catch (NoSuchFileException e) {
            // nothing kept yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the desk's settings in " + file, e);
        }
        return all;
    }
}
