package io.clipdesk.app;

import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeskSessionsTest {

    /**
     * The desktop app and the server share a data dir (the API key, the DVR, clips): whichever starts first makes it,
     * and it is owner-only either way (the desk made it 0755, so the DVR and thumbnails were readable by every user).
     */
    @Test
    void localEngine_createsItsDataDirOwnerOnly_asTheServerDoes(@TempDir Path home) throws Exception {
        Path data = home.resolve("share").resolve("clipdesk");
        try (DeskSessions sessions = new DeskSessions(new DeskSessions.Local(data, "127.0.0.1", 0, DiskReserve.NONE),
                new RecentServers(home.resolve("desk.properties")), home.resolve("desk-settings.properties"), "Ana",
                MutableClock.atWholeSecond())) {
            sessions.local();

            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    data.resolve("api-key"))));
        }
    }
}
