package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import io.clipdesk.testing.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remote client against a headless server on HTTPS with a self-signed certificate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteTlsTest {

    final MutableClock clock = MutableClock.atWholeSecond();
    TestCertificate certificate;
    HeadlessServer server;
    String key;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        certificate = TestCertificate.make(dir);
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", "0", "--data-dir",
                dir.resolve("data").toString(), "--tls-cert", certificate.certificate().toString(), "--tls-key",
                certificate.privateKey().toString()}, Map.of(), dir);
        server = HeadlessServer.start(options, Engines::open, clock, 1000,
                new PrintStream(new ByteArrayOutputStream()));
        key = Files.readString(dir.resolve("data").resolve("api-key"));
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(4));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSelfSignedServer_trustedByItsFingerprint_takesAClipOverHttps() {
        assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"), server.baseUrl());
        try (RemoteServer remote = new RemoteServer(server.baseUrl(), key, certificate.sha256Fingerprint())) {
            RemoteClipService clips = new RemoteClipService(remote, clock);
            long startS = server.engine().streams().state(1).window().startMs() / 1000 + 1;
            Clip created = clips.create(ClipRequest.of(1, startS, 2));
            assertEquals(created.id(), clips.get(created.id()).id());
            assertTrue(clips.links(created.id()).orElseThrow().mp4Master().startsWith("https://"),
                    "the server hands out https links");
        }
    }

    @Test
    void anotherFingerprint_isRefusedWithASentenceNamingBoth() {
        String wrong = "AB:".repeat(31) + "AB";
        try (RemoteServer remote = new RemoteServer(server.baseUrl(), key, wrong)) {
            RemoteCallException refused = assertThrows(RemoteCallException.class,
                    () -> new RemoteClipService(remote, clock).list(1));
            assertTrue(refused.getMessage().startsWith("The clip server at " + server.baseUrl() + " is not trusted: "
                    + "the server's certificate has the SHA-256 fingerprint " + certificate.sha256Fingerprint()
                    + ", not the trusted " + wrong), refused.getMessage());
        }
    }

    @Test
    void withoutAFingerprint_theJdkTrustStoreDecides_andRefusesASelfSignedCertificate() {
        try (RemoteServer remote = new RemoteServer(server.baseUrl(), key)) {
            RemoteCallException refused = assertThrows(RemoteCallException.class,
                    () -> new RemoteClipService(remote, clock).list(1));
            assertTrue(refused.getMessage().startsWith("Cannot reach the clip server at "), refused.getMessage());
        }
    }

    @Test
    void aMalformedFingerprint_saysWhatOneLooksLike() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RemoteServer(server.baseUrl(), key, "12:34"));
        assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
    }
}
