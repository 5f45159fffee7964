package io.clipdesk.client;

import io.clipdesk.app.Engines;
import io.clipdesk.app.HeadlessOptions;
import io.clipdesk.app.HeadlessServer;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.testing.ForwardingProxy;
import io.clipdesk.testing.LiveFeed;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's change feed against a real headless server: events, a restart of the server, and polling. */
class RemoteChangeFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RemoteChangeFeed.Options QUICK = RemoteChangeFeed.Options.DEFAULTS.withPollIntervalMs(200)
            .withRetryMs(100, 400);

    final MutableClock clock = MutableClock.atWholeSecond();
    @TempDir
    Path dir;
    HeadlessServer server;
    RemoteServer remote;
    RemoteChangeFeed feed;
    final Heard heard = new Heard();

    /** What the listener heard, in order, each a change, a resync or a status. */
    static final class Heard implements RemoteChangeFeed.Listener {

        final BlockingQueue<Object> all = new LinkedBlockingQueue<>();

        @Override
        public void changed(RemoteChange change) {
            all.add(change);
        }

        @Override
        public void resync() {
            all.add("resync");
        }

        @Override
        public void status(FeedStatus status) {
            all.add(status);
        }

        Object next(Predicate<Object> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Object item = all.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull(item, "not heard within " + WAIT);
                if (wanted.test(item)) {
                    return item;
                }
            }
        }

        RemoteChange next(ChangeType type) throws InterruptedException {
            return (RemoteChange) next(o -> o instanceof RemoteChange c && c.event().type() == type);
        }

        FeedStatus next(FeedStatus.State state) throws InterruptedException {
            return (FeedStatus) next(o -> o instanceof FeedStatus s && s.state() == state);
        }
    }

    private HeadlessServer startServer(int port) throws Exception {
        HeadlessOptions options = HeadlessOptions.parse(new String[] {"--port", Integer.toString(port),
                "--data-dir", dir.toString()}, Map.of(), dir);
        return HeadlessServer.start(options, Engines::open, clock, 1000, new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        if (remote != null) {
            remote.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Clip scriptCreates(String createdBy) {
        long startS = server.engine().streams().state(1).window().startMs() / 1000 + 1;
        return server.engine().clips().create(ClipRequest.of(1, startS, 2)
                .withDescription(new ClipDescription("", List.of(), createdBy)));
    }

    @Test
    void aClipMadeElsewhere_arrivesWithItsObject_andItsDeletion_afterOneResyncAtTheStart() throws Exception {
        server = startServer(0);
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(4));
        remote = new RemoteServer(server.baseUrl(), Files.readString(dir.resolve("api-key")));
        RemoteClipService clips = new RemoteClipService(remote, clock);
        feed = RemoteChangeFeed.start(remote, clips, clock, heard, QUICK);
        heard.next(FeedStatus.State.FOLLOWING);
        heard.next("resync"::equals);

        Clip clip = scriptCreates("Ana");
        RemoteChange created = heard.next(ChangeType.CLIP_CREATED);
        assertEquals(clip.id(), created.event().clipId());
        assertEquals("Ana", created.clip().orElseThrow().description().createdBy());
        assertTrue(clips.links(clip.id()).orElseThrow().hlsMaster().startsWith(server.baseUrl()),
                "its links are known without a GET");

        server.engine().clips().delete(clip.id());
        RemoteChange deleted = heard.next(ChangeType.CLIP_DELETED);
        assertEquals(clip.id(), deleted.event().clipId());
        assertTrue(deleted.clip().isEmpty());
        assertTrue(clips.links(clip.id()).isEmpty(), "a deleted clip's links are forgotten");
    }

    @Test
    void aServerThatRestarts_onTheSamePortAndData_isFollowedAgain_withAResyncForWhatItCannotReplay()
            throws Exception {
        server = startServer(0);
        int port = java.net.URI.create(server.baseUrl()).getPort();
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(4));
        remote = new RemoteServer(server.baseUrl(), Files.readString(dir.resolve("api-key")));
        feed = RemoteChangeFeed.start(remote, new RemoteClipService(remote, clock), clock, heard, QUICK);
        heard.next(FeedStatus.State.FOLLOWING);
        heard.next("resync"::equals);
        scriptCreates("Ben");
        heard.next(ChangeType.CLIP_CREATED);

        server.close();
        server = null;
        FeedStatus down = heard.next(FeedStatus.State.UNREACHABLE);
        assertTrue(down.detail().contains("trying again in"), down.detail());
        assertTrue(down.retryInMs() > 0 && down.retryInMs() <= 400, down.toString());

        server = startServer(port);
        heard.next(FeedStatus.State.FOLLOWING);
        heard.next("resync"::equals);
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(3));
        Clip after = scriptCreates("Ben");
        assertEquals(after.id(), heard.next(ChangeType.CLIP_CREATED).event().clipId());
    }

    @Test
    void aServerWithoutEvents_isFollowedByComparingItsLists() throws Exception {
        server = startServer(0);
        LiveFeed.produce(clock, server.engine(), 1, Duration.ofSeconds(4));
        try (ForwardingProxy plain = new ForwardingProxy(server.baseUrl(), p -> p.startsWith("/streaming/events"))) {
            remote = new RemoteServer(plain.baseUrl(), Files.readString(dir.resolve("api-key")));
            feed = RemoteChangeFeed.start(remote, new RemoteClipService(remote, clock), clock, heard, QUICK);
            heard.next(FeedStatus.State.POLLING);
            heard.next("resync"::equals);

            Clip clip = scriptCreates("Cy");
            RemoteChange created = heard.next(ChangeType.CLIP_CREATED);
            assertEquals(clip.id(), created.event().clipId());
            assertEquals("Cy", created.clip().orElseThrow().description().createdBy());
            assertTrue(created.event().id().startsWith("poll-"));

            server.engine().clips().delete(clip.id());
            assertEquals(clip.id(), heard.next(ChangeType.CLIP_DELETED).event().clipId());
            feed.close();
            feed = null;
        }
    }

    @Test
    void aWrongKey_isSaidAsRefused_andRetriedLater() throws Exception {
        server = startServer(0);
        remote = new RemoteServer(server.baseUrl(), "not-the-key");
        feed = RemoteChangeFeed.start(remote, new RemoteClipService(remote, clock), clock, heard, QUICK);
        FeedStatus refused = heard.next(FeedStatus.State.REFUSED);
        assertTrue(refused.detail().contains("refused the API key"), refused.detail());
        assertTrue(refused.retryInMs() > 0);
    }
}
