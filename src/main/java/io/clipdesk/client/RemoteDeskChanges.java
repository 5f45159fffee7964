package io.clipdesk.client;

import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskChange;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A remote server's changes for the desk ({@link ChangeFeed}): one {@link RemoteChangeFeed} per backend, its events,
 * reloads and connection states handed to every desk panel that follows. While the server cannot be reached,
 * {@link #trouble()} says so in a sentence (with the next try), and the feed keeps trying by itself.
 */
public final class RemoteDeskChanges implements ChangeFeed, AutoCloseable {

    private final List<Consumer<DeskChange>> followers = new CopyOnWriteArrayList<>();
    private final RemoteChangeFeed feed;
    private volatile FeedStatus status = new FeedStatus(FeedStatus.State.CONNECTING, "connecting", 0);
    /** Kept through the tries between faults, so the desk does not flicker "back" at every attempt. */
    private volatile String trouble = "";

    private RemoteDeskChanges(RemoteServer server, RemoteClipService clips, Clock clock,
                              RemoteChangeFeed.Options options) {
        this.feed = RemoteChangeFeed.start(server, clips, clock, new RemoteChangeFeed.Listener() {
            @Override
            public void changed(RemoteChange change) {
                tell(DeskChange.of(change.event()));
            }

            @Override
            public void resync() {
                tell(DeskChange.everything());
            }

            @Override
            public void status(FeedStatus next) {
                status = next;
                String now = switch (next.state()) {
                    case UNREACHABLE, REFUSED -> next.detail();
                    case FOLLOWING, POLLING -> "";
                    case CONNECTING -> trouble;
                };
                if (!now.equals(trouble)) {
                    trouble = now;
                    tell(DeskChange.connection());
                }
            }
        }, options);
    }

    /** Starts following {@code server} now. */
    public static RemoteDeskChanges start(RemoteServer server, RemoteClipService clips, Clock clock) {
        return start(server, clips, clock, RemoteChangeFeed.Options.DEFAULTS);
    }

    public static RemoteDeskChanges start(RemoteServer server, RemoteClipService clips, Clock clock,
                                          RemoteChangeFeed.Options options) {
        return new RemoteDeskChanges(server, clips, clock, options);
    }

    private void tell(DeskChange change) {
        for (Consumer<DeskChange> follower : followers) {
            follower.accept(change);
        }
    }

    /** Pushes when the server sends events; a server without them is compared every few seconds instead. */
    @Override
    public boolean pushes() {
        return status.state() != FeedStatus.State.POLLING;
    }

    /** The last fault's sentence until the server is followed again ("" while it is). */
    @Override
    public String trouble() {
        return trouble;
    }

    /** How the feed follows the server now. */
    public FeedStatus status() {
        return status;
    }

    @Override
    public Subscription follow(Consumer<DeskChange> listener) {
        followers.add(listener);
        return () -> followers.remove(listener);
    }

    @Override
    public void close() {
        feed.close();
    }
}
