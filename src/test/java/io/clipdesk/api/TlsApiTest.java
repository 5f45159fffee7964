package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.files.HotFiles;
import io.clipdesk.api.http.connection.TlsFiles;
import io.clipdesk.testing.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS on the API's own port: a certificate made by openssl, the API and media through TLS. */
class TlsApiTest {

    @Test
    void overHttps_aClipIsCreated_andItsMediaFetched_wholeAndByRange(@TempDir Path dir) throws Exception {
        TestCertificate certificate = TestCertificate.make(dir);
        TlsFiles files = new TlsFiles(certificate.certificate(), certificate.privateKey());
        try (ServerFixture f = new ServerFixture(dir.resolve("data"), c -> c.withTls(files),
                certificate.trustingIt())) {
            assertTrue(f.base().startsWith("https://127.0.0.1:"), f.base());
            f.produce(Duration.ofSeconds(5));
            HttpResponse<String> created = f.api("PUT", "/streaming/streams/1/clip_recording",
                    "{\"start\": " + (f.window().startMs() / 1000 + 1) + ", \"duration\": 2}");
            assertEquals(200, created.statusCode(), created.body());
            String id = f.json(created).get("id").asText();
            String path = "/streaming/streams/1/clip_recording/" + id;
            ServerFixture.await("clip ready", () -> "ready".equals(f.json(f.api("GET", path, null)).get("status")
                    .asText()));
            JsonNode clip = f.json(f.api("GET", path, null));
            String master = clip.get("hls_master").asText();
            assertTrue(master.startsWith(f.base() + "/"), "absolute URLs say https: " + master);

            HttpResponse<byte[]> playlist = f.media("GET", master);
            assertEquals(200, playlist.statusCode());
            assertEquals("nosniff", playlist.headers().firstValue("X-Content-Type-Options").orElse(""));
            Path segment = largestSegment(f, id);
            byte[] onDisk = Files.readAllBytes(segment);
            assertTrue(onDisk.length > HotFiles.MAX_FILE_BYTES, "read from disk in chunks, not from memory");
            URI segmentUrl = URI.create(master).resolve(segment.getFileName().toString());
            HttpResponse<byte[]> whole = f.media("GET", segmentUrl.toString());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(onDisk, whole.body());
            HttpResponse<byte[]> part = f.media("GET", segmentUrl.toString(), "Range", "bytes=70000-");
            assertEquals(206, part.statusCode());
            assertArrayEquals(Arrays.copyOfRange(onDisk, 70000, onDisk.length), part.body());
        }
    }

    @Test
    void aKeyInTheOldRsaForm_isRefusedWithTheCommandThatConvertsIt(@TempDir Path dir) throws Exception {
        Path rsaKey = dir.resolve("rsa.pem");
        Path rsaCert = dir.resolve("rsa-cert.pem");
        TestCertificate.openssl("genrsa", "-traditional", "-out", rsaKey.toString(), "2048");
        TestCertificate.openssl("req", "-x509", "-key", rsaKey.toString(), "-out", rsaCert.toString(), "-days", "2",
                "-subj", "/CN=clipdesk-test");
        assertTrue(Files.readString(rsaKey).contains("BEGIN RSA PRIVATE KEY"));
        TlsFiles files = new TlsFiles(rsaCert, rsaKey);
        IOException refused = assertThrows(IOException.class, () -> ApiServer.start(ApiConfig.of("127.0.0.1", 0,
                ApiKey.of("k".repeat(32))).withTls(files), null, new StringWriter()).close());
        assertTrue(refused.getMessage().contains("openssl pkcs8 -topk8 -nocrypt -in " + rsaKey), refused.getMessage());
    }

    private static Path largestSegment(ServerFixture f, String clipId) throws IOException {
        try (Stream<Path> files = Files.list(f.engine.layout().clipDir(clipId))) {
            return files.filter(p -> p.toString().endsWith(".ts")).max(Comparator.comparingLong(TlsApiTest::size))
                    .orElseThrow();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
