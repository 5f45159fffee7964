package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a stream's source must be before it is stored, as a function of (source, the other streams). A source
 * that cannot work whatever happens (a malformed URL, a missing file, a port another stream listens on, the API's port) is
 * refused with one sentence ({@link MediaRoots} says which files may be read); a source that is merely
 * unreachable now is accepted and shows as disconnected.
 */
final class SourceRules {

    private static final int MAX_URL_LENGTH = 2048;

    private SourceRules() {
    }

    /**
     * @param others every other stream (not the one being created or changed)
     * @param files  which local files a file source may read
     * @param apiPorts the ports the REST API serves on, which no push stream may take
     * @return the source to store: push sources get a free port when they asked for port 0, files their real path
     * @throws InvalidRequestException saying what is wrong
     */
    static SourceSpec check(SourceSpec source, List<LiveStream> others, MediaRoots files, Set<Integer> apiPorts) {
        return switch (source.kind()) {
            case TEST_SIGNAL -> source;
            case HLS_PULL -> checkPullUrl(source);
            case FILE_LOOP -> new SourceSpec(SourceKind.FILE_LOOP, files.admit(source.uri()).toString());
            case RTMP_PUSH, SRT_PUSH -> checkPush(source, others, apiPorts);
        };
    }

    private static SourceSpec checkPullUrl(SourceSpec source) {
        String url = source.uri();
        String problem = "pull_url must be an http:// or https:// URL of a live HLS playlist (.m3u8)";
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException(problem + "; this one is " + url.length() + " characters long (at most "
                    + MAX_URL_LENGTH + ")");
        }
        try {
            URI uri = new URI(url);
            if (!PullAddresses.isWebUrl(uri)) {
                throw new InvalidRequestException(problem + ", got \"" + shortened(url) + "\"");
            }
            return source;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(problem + "; \"" + shortened(url) + "\" is not a valid URL ("
                    + e.getReason() + ")");
        }
    }

    /**
     * Every push stream has a port of its own, whatever its kind (an encoder is told one port, and RTMP and SRT on
     * one number would be told apart only by TCP and UDP), and none takes the API's port. Port 0 asks for the
     * first free one from the kind's default.
     */
    /**
     * A pull source's host must be, and resolve only to, addresses {@link PullAddresses} allows. Apart from
     * {@link #check} because it may ask DNS, which is not done while holding the streams' lock.
     *
     * @throws InvalidRequestException saying which address and why
     */
    static void checkPullAddress(SourceSpec source, PullAddresses.Resolver resolver) {
        if (source.kind() != SourceKind.HLS_PULL) {
            return;
        }
        URI uri;
        try {
            uri = new URI(source.uri());
        } catch (URISyntaxException e) {
            return; // check() says what is wrong with it
        }
        if (PullAddresses.isWebUrl(uri)) {
            PullAddresses.refusal(uri, resolver).ifPresent(why -> {
                throw new InvalidRequestException("pull_url is refused: " + why);
            });
        }
    }

    private static SourceSpec checkPush(SourceSpec source, List<LiveStream> others, Set<Integer> apiPorts) {
        PushAddress address = PushAddress.of(source).orElseThrow();
        if (address.port() == 0) {
            int port = source.kind() == SourceKind.RTMP_PUSH ? PushAddress.DEFAULT_RTMP_PORT
                    : PushAddress.DEFAULT_SRT_PORT;
            while (apiPorts.contains(port) || holder(others, port).isPresent()) {
                port++;
            }
            return address.withPort(port).spec();
        }
        apiPortClash(address.spec(), apiPorts).ifPresent(clash -> {
            throw new InvalidRequestException(clash + "; pick another port or leave it out");
        });
        Optional<LiveStream> other = holder(others, address.port());
        if (other.isPresent()) {
            throw new InvalidRequestException("port " + address.port() + " already takes pushes for stream "
                    + other.get().id() + " (" + other.get().name() + "); pick another port or leave it out");
        }
        return address.spec();
    }

    /**
     * Why a push source cannot listen where it asks: the API server's port (a listener there keeps the API from
     * starting, or fails itself). Empty for every other source.
     *
     * @param apiPorts the ports the REST API serves on (none without one)
     */
    static Optional<String> apiPortClash(SourceSpec source, Set<Integer> apiPorts) {
        try {
            return PushAddress.of(source).filter(a -> apiPorts.contains(a.port()))
                    .map(a -> "port " + a.port() + " is the API server's port");
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a stored address that no longer parses listens nowhere
        }
    }

    private static Optional<LiveStream> holder(List<LiveStream> streams, int port) {
        for (LiveStream s : streams) {
            try {
                if (PushAddress.of(s.source()).map(PushAddress::port).orElse(-1) == port) {
                    return Optional.of(s);
                }
            } catch (IllegalArgumentException e) {
                // A stored address that no longer parses holds no port.
            }
        }
        return Optional.empty();
    }

    private static String shortened(String text) {
        return MediaRoots.shortened(text);
    }
}
