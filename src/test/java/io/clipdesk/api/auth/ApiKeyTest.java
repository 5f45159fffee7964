package io.clipdesk.api.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyTest {

    private final ApiKey key = ApiKey.of("abcdefghijklmnop0123456789abcdef");

    @Test
    void header_withTheKey_isAccepted_andTheSchemeIgnoresCase() {
        assertTrue(key.acceptsHeader("APIKey abcdefghijklmnop0123456789abcdef"));
        assertTrue(key.acceptsHeader("apikey abcdefghijklmnop0123456789abcdef"));
        assertTrue(key.acceptsHeader("  APIKEY   abcdefghijklmnop0123456789abcdef "));
    }

    @Test
    void header_wrongOrMalformed_isRefused() {
        assertFalse(key.acceptsHeader(null));
        assertFalse(key.acceptsHeader(""));
        assertFalse(key.acceptsHeader("abcdefghijklmnop0123456789abcdef"));
        assertFalse(key.acceptsHeader("Bearer abcdefghijklmnop0123456789abcdef"));
        assertFalse(key.acceptsHeader("APIKey abcdefghijklmnop0123456789abcdeX"));
        assertFalse(key.acceptsHeader("APIKey abcdefghijklmnop0123456789abcdef0"));
        assertFalse(key.acceptsHeader("APIKey "));
    }

    @Test
    void random_isLongAndUnpredictable() {
        SecureRandom random = new SecureRandom();
        ApiKey a = ApiKey.random(random);
        ApiKey b = ApiKey.random(random);
        assertEquals(ApiKey.LENGTH, a.token().length());
        assertTrue(a.token().matches("[a-z0-9]+"));
        assertNotEquals(a.token(), b.token());
        assertFalse(a.toString().contains(a.token()));
    }

    @Test
    void store_firstStart_createsAnOwnerOnlyKey_laterStartsReadTheSameKey(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir, new SecureRandom());
        ApiKeyStore.Issued first = store.loadOrCreate();
        assertTrue(first.isNew());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));

        ApiKeyStore.Issued again = new ApiKeyStore(dir, new SecureRandom()).loadOrCreate();
        assertFalse(again.isNew());
        assertEquals(first.key().token(), again.key().token());
    }

    @Test
    void store_keyFileMadeReadableByOthers_isTightenedOnStart(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir, new SecureRandom());
        store.loadOrCreate();
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.loadOrCreate();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }
}
