package io.clipdesk.bench;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.ApiServer;
import io.clipdesk.app.Engines;
import io.clipdesk.client.FeedStatus;
import io.clipdesk.client.RemoteChange;
import io.clipdesk.client.RemoteChangeFeed;
import io.clipdesk.client.RemoteClipService;
import io.clipdesk.client.RemoteServer;
import io.clipdesk.client.RemoteStream;
import io.clipdesk.client.RemoteStreams;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.hls.MediaPlaylist;
import io.clipdesk.engine.stream.StreamDraft;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many desks, one server: 20 simulated remote desks (the real client: {@link RemoteChangeFeed} over the server's
 * event stream, plus a player's live playlist and segment fetches) follow one server with 4 live test-signal
 * streams while scripts create 2 clips a second through the real {@link RemoteClipService}. Figures: how long from
 * a create until every desk knows the clip (p50, p99, worst), the server's CPU per desk (its {@code http-*}
 * threads, measured against the same scripts with no desk in the same run), and the live latency a desk's
 * player sees (wall clock at a segment's arrival minus the wall clock its first frame was taken).
 */
final class DesksBench {

    private static final int DESKS = 20;
    private static final int STREAMS = 4;
    private static final int SEGMENT_MS = 2000;
    private static final long CREATE_EVERY_MS = 500;

    private DesksBench() {
    }

    static void run(Path work, int seconds) throws Exception {
        BenchReport.section("Desks: " + DESKS + " remote desks, " + STREAMS + " live streams, scripts create "
                + 1000 / CREATE_EVERY_MS + " clips/s, " + SEGMENT_MS / 1000 + " s segments, real clock, loopback");
        ApiKey key = ApiKey.random(new SecureRandom());
        Clock clock = Clock.systemUTC();
        try (ClipEngine engine = Engines.open(work.resolve("desks"), clock, SEGMENT_MS);
             ApiServer server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, key).withLimits(
                     io.clipdesk.api.http.connection.ConnectionLimits.DEFAULTS.withMaxConnectionsPerAddress(256)),
                     ApiBackend.of(engine), new StringWriter())) {
            for (int i = 2; i <= STREAMS; i++) {
                engine.streams().create(StreamDraft.testSignal("Camera " + i));
            }
            for (int i = 1; i <= STREAMS; i++) {
                awaitDvr(engine, i, 8000);
            }
            String base = server.baseUrl();
            try (RemoteServer script = new RemoteServer(base, key.token())) {
                RemoteClipService scriptClips = new RemoteClipService(script, clock);
                Phase alone = phase(engine, scriptClips, List.of(), seconds / 2);
                BenchReport.line("server CPU, scripts only (http-* threads)", pct(alone.httpCpuPercent()),
                        "reference: no desk connected, same run");

                long joinNanos = System.nanoTime();
                List<Desk> desks = new ArrayList<>();
                for (int i = 0; i < DESKS; i++) {
                    desks.add(new Desk(i, base, key.token(), clock, 1 + i % STREAMS));
                }
                for (Desk desk : desks) {
                    desk.awaitFollowing();
                }
                BenchReport.line(DESKS + " desks following after", ms((System.nanoTime() - joinNanos) / 1e6), "");
                Phase followed = phase(engine, scriptClips, desks, seconds);
                desks.forEach(Desk::close);

                double[] knownMs = followed.knownByAllMs();
                Arrays.sort(knownMs);
                int missing = followed.created() - knownMs.length;
                double p99 = percentile(knownMs, 0.99);
                BenchReport.line("clips created", Integer.toString(followed.created()),
                        missing == 0 ? "all known by every desk" : missing + " NOT known by every desk");
                BenchReport.line("create → every desk knows it, p50", ms(percentile(knownMs, 0.5)), "");
                BenchReport.line("create → every desk knows it, p99", ms(p99),
                        "target <= 1000 ms  " + BenchReport.verdict(missing == 0 && p99 <= 1000));
                BenchReport.line("create → every desk knows it, worst", ms(knownMs.length == 0 ? 0
                        : knownMs[knownMs.length - 1]), "");
                double perDesk = (followed.httpCpuPercent() - alone.httpCpuPercent()) / DESKS;
                BenchReport.line("server CPU with " + DESKS + " desks (http-* threads)",
                        pct(followed.httpCpuPercent()), "");
                BenchReport.line("server CPU per desk (events + live playback)", pct(perDesk),
                        "(with − without) / " + DESKS);
                BenchReport.line("whole process CPU (server, ingest, desks' clients)", pct(followed.processCpuPercent()),
                        "all in one JVM on " + Runtime.getRuntime().availableProcessors() + " cores");
                double[] latencies = desks.stream().flatMap(d -> d.liveLatenciesMs.stream())
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                double median = BenchReport.median(latencies);
                BenchReport.line("remote desk live latency, median of " + latencies.length, ms(median),
                        "target <= 3000 ms  " + BenchReport.verdict(median <= 3000));
                BenchReport.line("remote desk live latency, p99", ms(percentile(latencies, 0.99)),
                        "segment arrival − its first frame's wall clock");
                System.out.println("  after the run: " + Bench.machine());
            }
        }
    }

    /** What happened while the scripts created clips for {@code seconds}. */
    private record Phase(int created, double[] knownByAllMs, double httpCpuPercent, double processCpuPercent) {
    }

    private static Phase phase(ClipEngine engine, RemoteClipService scripts, List<Desk> desks, int seconds)
            throws InterruptedException {
        Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        AtomicInteger stream = new AtomicInteger();
        ScheduledExecutorService creator = Executors.newSingleThreadScheduledExecutor();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long http0 = ProcCpu.ownThreadsMs("http");
        long process0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        creator.scheduleAtFixedRate(() -> {
            long streamId = 1 + stream.getAndIncrement() % STREAMS;
            long nowS = engine.clock().millis() / 1000;
            long sent = System.nanoTime();
            try {
                Clip clip = scripts.create(ClipRequest.of(streamId, nowS - 6, 2));
                sentNanos.put(clip.id(), sent);
            } catch (RuntimeException e) {
                System.out.println("  create failed: " + e.getMessage());
            }
        }, 0, CREATE_EVERY_MS, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L);
        creator.shutdown();
        creator.awaitTermination(10, TimeUnit.SECONDS);
        double wallMs = (System.nanoTime() - wall0) / 1e6;
        double http = 100.0 * (ProcCpu.ownThreadsMs("http") - http0) / wallMs;
        double process = 100.0 * (os.getProcessCpuTime() - process0) / 1e6 / wallMs;
        Thread.sleep(2000); // the last creates' events on their way
        List<Double> known = new ArrayList<>();
        for (Map.Entry<String, Long> clip : sentNanos.entrySet()) {
            long latest = 0;
            boolean everyone = true;
            for (Desk desk : desks) {
                Long at = desk.knownNanos.get(clip.getKey());
                if (at == null) {
                    everyone = false;
                    break;
                }
                latest = Math.max(latest, at);
            }
            if (everyone && !desks.isEmpty()) {
                known.add((latest - clip.getValue()) / 1e6);
            }
        }
        return new Phase(sentNanos.size(), known.stream().mapToDouble(Double::doubleValue).toArray(), http, process);
    }

    /** One simulated remote desk: the change feed and a live player's fetches. */
    private static final class Desk implements RemoteChangeFeed.Listener, AutoCloseable {

        final Map<String, Long> knownNanos = new ConcurrentHashMap<>();
        final List<Double> liveLatenciesMs = java.util.Collections.synchronizedList(new ArrayList<>());
        private final RemoteServer server;
        private final RemoteChangeFeed feed;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final ScheduledExecutorService player;
        private final Set<String> fetched = ConcurrentHashMap.newKeySet();
        private final Clock clock;
        private volatile FeedStatus status = new FeedStatus(FeedStatus.State.CONNECTING, "", 0);

        Desk(int number, String base, String key, Clock clock, long streamId) {
            this.clock = clock;
            this.server = new RemoteServer(base, key);
            this.feed = RemoteChangeFeed.start(server, new RemoteClipService(server, clock), clock, this,
                    RemoteChangeFeed.Options.DEFAULTS);
            RemoteStream stream = new RemoteStreams(server).get(streamId);
            URI index = URI.create(stream.hlsMpegtsUrl()).resolve(io.clipdesk.engine.storage.MediaPaths.LIVE_INDEX);
            this.player = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "desk-player-" + number);
                t.setDaemon(true);
                return t;
            });
            player.scheduleWithFixedDelay(() -> followLive(index), 0, 500, TimeUnit.MILLISECONDS);
        }

        /** As a player at the live edge: reload the playlist, fetch the newest segment when it is new. */
        private void followLive(URI index) {
            try {
                HttpResponse<String> playlist = http.send(HttpRequest.newBuilder(index).build(),
                        HttpResponse.BodyHandlers.ofString());
                List<MediaPlaylist.Entry> entries = MediaPlaylist.parse(playlist.body()).entries();
                if (entries.isEmpty()) {
                    return;
                }
                MediaPlaylist.Entry newest = entries.get(entries.size() - 1);
                if (!fetched.add(newest.uri())) {
                    return;
                }
                http.send(HttpRequest.newBuilder(index.resolve(newest.uri())).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (fetched.size() > 1) { // the first one found may be old already
                    liveLatenciesMs.add((double) (clock.millis() - newest.programDateTimeMs()));
                }
            } catch (Exception e) {
                // a missed reload: the next one catches up
            }
        }

        void awaitFollowing() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (status.state() != FeedStatus.State.FOLLOWING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Override
        public void changed(RemoteChange change) {
            if (change.event().type() == ChangeType.CLIP_CREATED) {
                knownNanos.putIfAbsent(change.event().clipId(), System.nanoTime());
            }
        }

        @Override
        public void resync() {
        }

        @Override
        public void status(FeedStatus next) {
            status = next;
        }

        @Override
        public void close() {
            player.shutdownNow();
            feed.close();
            server.close();
        }
    }

    private static void awaitDvr(ClipEngine engine, long streamId, long ms) throws InterruptedException {
        while (engine.streams().state(streamId).window().lengthMs() < ms) {
            Thread.sleep(50);
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f %% of a core", value);
    }
}
