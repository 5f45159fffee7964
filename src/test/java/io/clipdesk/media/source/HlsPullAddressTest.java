package io.clipdesk.media.source;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PullAddresses;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.RecordingSink;
import io.clipdesk.testing.HlsOrigin;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pull asks {@link PullAddresses} before every request, redirects included, on a real origin. 0.0.0.0 stands
 * for the refused addresses: Linux connects it to this machine, so a pull that did not ask would get media.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HlsPullAddressTest {

    private static final int SEGMENT_MS = 1000;

    private HlsOrigin origin;
    private Path dir;
    private long t0;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        dir = folder;
        origin = HlsOrigin.withSegments(folder.resolve("origin"), 4);
        t0 = System.currentTimeMillis() - 4_000;
        for (int i = 0; i < 3; i++) {
            origin.publish(i, t0 + i * 1000L, false);
        }
    }

    @AfterAll
    void stop() {
        origin.close();
    }

    private static LiveStream stream(String url) {
        return new LiveStream(7, "Pulled", new SourceSpec(SourceKind.HLS_PULL, url), true, 3600, "abcdefabcdef", 0,
                Rendition.DEFAULT_LADDER);
    }

    private RecordingSink sink(String name) throws Exception {
        return new RecordingSink(Files.createDirectories(dir.resolve(name)));
    }

    @Test
    void aRedirectOnTheSameOrigin_isFollowed_andSegmentsResolveAgainstWhereItLed() throws Exception {
        origin.redirect("moved.m3u8", "/live/index.m3u8");
        RecordingSink sink = sink("moved");
        try (HlsPullSource source = new HlsPullSource(stream("http://127.0.0.1:" + origin.port() + "/live/moved.m3u8"),
                SEGMENT_MS, MutableClock.atWholeSecond())) {
            source.start(sink);
            sink.awaitSegments(1);
        }
    }

    @Test
    void aRedirectToARefusedAddress_isNotFollowed_andTheStreamSaysWhy() throws Exception {
        origin.redirect("elsewhere.m3u8", "http://0.0.0.0:" + origin.port() + "/live/index.m3u8");
        RecordingSink sink = sink("elsewhere");
        try (HlsPullSource source = new HlsPullSource(
                stream("http://127.0.0.1:" + origin.port() + "/live/elsewhere.m3u8"), SEGMENT_MS,
                MutableClock.atWholeSecond())) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "refused a redirect: 0.0.0.0 is an unspecified address "
                    + "(0.0.0.0/8, ::); a pull reaches only unicast addresses (public, private or loopback)");
        }
        assertEquals(0, sink.segments.size(), "nothing was pulled from where the redirect led");
    }

    @Test
    void aSegmentOnARefusedAddress_isNotFetched() throws Exception {
        try (HlsOrigin other = HlsOrigin.withSegments(dir.resolve("other"), 1)) {
            other.publishUri("http://0.0.0.0:" + other.port() + "/live/seg000.ts", t0);
            RecordingSink sink = sink("segment");
            try (HlsPullSource source = new HlsPullSource(stream(other.playlistUrl()), SEGMENT_MS,
                    MutableClock.atWholeSecond())) {
                source.start(sink);
                sink.awaitHealth(SourceHealth.DISCONNECTED, "refused: 0.0.0.0 is an unspecified address");
            }
            assertEquals(0, sink.segments.size());
        }
    }

    @Test
    void aNameThatResolvesElsewhereLater_isRefusedAtTheNextRequest() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicReference<InetAddress> answer = new AtomicReference<>(loopback);
        PullAddresses.Resolver dns = host -> host.equals("localhost") ? new InetAddress[] {answer.get()}
                : InetAddress.getAllByName(host);
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = sink("rebinding");
        try (HlsPullSource source = new HlsPullSource(
                stream("http://localhost:" + origin.port() + "/live/index.m3u8"), SEGMENT_MS, clock, dns)) {
            source.start(sink);
            sink.awaitSegments(1);
            answer.set(InetAddress.getByName("169.254.169.254"));
            clock.advance(Duration.ofMillis(SEGMENT_MS)); // the next reload
            sink.awaitHealth(SourceHealth.DISCONNECTED, "refused: localhost resolves to 169.254.169.254, a link-local "
                    + "address (169.254.0.0/16, fe80::/10, where cloud metadata services answer)");
        }
    }
}
