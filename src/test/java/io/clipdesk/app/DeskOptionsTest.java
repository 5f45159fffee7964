package io.clipdesk.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clipdesk --server URL --api-key KEY [--editor NAME]}: the desk's own options, before the engine's. */
class DeskOptionsTest {

    @Test
    void serverKeyAndEditor_driveARemoteServer() {
        DeskOptions o = DeskOptions.parse(new String[] {"--server", "http://10.0.0.5:8080", "--api-key", "k1",
            "--editor", "Ana"}, Map.of(), "os-user");
        assertEquals(new DeskOptions.Remote("http://10.0.0.5:8080", "k1"), o.remote().orElseThrow());
        assertEquals("Ana", o.editor());
        assertEquals(List.of(), o.engineArgs());
    }

    @Test
    void theKey_mayComeFromTheEnvironment_andTheEditorDefaultsToTheOsUser() {
        DeskOptions o = DeskOptions.parse(new String[] {"--server=http://h:8080"}, Map.of("CLIPDESK_API_KEY", "k2"),
                "os-user");
        assertEquals("k2", o.remote().orElseThrow().apiKey());
        assertEquals("os-user", o.editor());
        assertEquals("k3", DeskOptions.parse(new String[] {"--server", "http://h", "--api-key=k3"},
                Map.of("CLIPDESK_API_KEY", "k2"), "u").remote().orElseThrow().apiKey(), "the command line wins");
    }

    @Test
    void withoutServer_theEngineOptionsPassThrough() {
        DeskOptions o = DeskOptions.parse(new String[] {"--data-dir", "/tmp/x", "--editor", "Bo"}, Map.of(), "u");
        assertTrue(o.remote().isEmpty());
        assertEquals(List.of("--data-dir", "/tmp/x"), o.engineArgs());
        assertEquals("Bo", o.editor());
    }

    @Test
    void optionsThatDoNotGoTogether_sayWhy() {
        assertEquals("--server needs the server's API key: --api-key KEY, or set CLIPDESK_API_KEY",
                assertThrows(IllegalArgumentException.class,
                        () -> DeskOptions.parse(new String[] {"--server", "http://h"}, Map.of(), "u")).getMessage());
        assertEquals("--api-key goes with --server URL: the key of which server?",
                assertThrows(IllegalArgumentException.class,
                        () -> DeskOptions.parse(new String[] {"--api-key", "k"}, Map.of(), "u")).getMessage());
        assertEquals("a desk on a server runs no engine: --data-dir /tmp/x does not apply with --server",
                assertThrows(IllegalArgumentException.class, () -> DeskOptions.parse(new String[] {"--server",
                    "http://h", "--api-key", "k", "--data-dir", "/tmp/x"}, Map.of(), "u")).getMessage());
        assertEquals("--server needs a value", assertThrows(IllegalArgumentException.class,
                () -> DeskOptions.parse(new String[] {"--server"}, Map.of(), "u")).getMessage());
    }
}
