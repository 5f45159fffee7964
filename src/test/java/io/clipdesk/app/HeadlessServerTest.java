package io.clipdesk.app;

import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlessServerTest {

    @Test
    void firstStart_printsTheKeyOnce_andTheBaseUrl_laterStartsOnlySayWhereItIs(@TempDir Path home) throws Exception {
        Path data = home.resolve("clipdesk");
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--headless", "--port", "0"},
                Map.of("CLIPDESK_DATA", data.toString()), home);
        MutableClock clock = MutableClock.atWholeSecond();

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        String key;
        try (HeadlessServer server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(first, true, StandardCharsets.UTF_8))) {
            key = Files.readString(data.resolve("api-key")).strip();
            String printed = first.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains(server.baseUrl() + "/"), printed);
            assertTrue(printed.contains("API key:  " + key), printed);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("api-key"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));

            HttpResponse<String> streams = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/streaming/streams")).header("Authorization", "APIKey " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, streams.statusCode());
            assertTrue(streams.body().contains("\"id\":1"), "a new data dir starts the test signal as stream 1");
        }

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (HeadlessServer server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(second, true, StandardCharsets.UTF_8))) {
            String printed = second.toString(StandardCharsets.UTF_8);
            assertFalse(printed.contains(key), "the key is printed only when it is created");
            assertTrue(printed.contains("API key:  in " + data.resolve("api-key")), printed);
        }
    }
}
