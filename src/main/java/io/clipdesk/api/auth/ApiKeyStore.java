package io.clipdesk.api.auth;

import io.clipdesk.engine.storage.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The server's API key in the data dir ({@value #FILE_NAME}, rw------- ). Created on first start; later
 * starts read it back, so scripts keep working across restarts.
 */
public final class ApiKeyStore {

    public static final String FILE_NAME = "api-key";

    private final Path file;
    private final SecureRandom random;

    public ApiKeyStore(Path dataDir, SecureRandom random) {
        this.file = dataDir.resolve(FILE_NAME);
        this.random = random;
    }

    /** The key and whether it was made just now (and so should be shown to the operator once). */
    public record Issued(ApiKey key, boolean isNew) {
    }

    public Path file() {
        return file;
    }

    public Issued loadOrCreate() throws IOException {
        if (Files.exists(file)) {
            return new Issued(read(), false);
        }
        ApiKey key = ApiKey.random(random);
        write(key);
        return new Issued(key, true);
    }

    private ApiKey read() throws IOException {
        OwnerOnlyFiles.tighten(file);
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return ApiKey.of(token);
        } catch (IllegalArgumentException e) {
            throw new IOException("the API key file " + file + " is damaged; delete it and restart to get a new key");
        }
    }

    private void write(ApiKey key) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttribute(temp.getParent()))) {
            channel.write(ByteBuffer.wrap((key.token() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }
}
