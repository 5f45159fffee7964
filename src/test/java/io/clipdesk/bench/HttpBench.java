package io.clipdesk.bench;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.ApiServer;
import io.clipdesk.api.http.connection.ConnectionLimits;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.storage.MediaPaths;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clip media over HTTP with 64 connections (wrk, Debian): the Clipdesk server against nginx serving the same
 * clip folder on loopback, in interleaved rounds (A B, B A, A B) so load from anything else on the machine
 * falls on both alike; the median round of each is reported, with the server's CPU time per request (the
 * server's own threads vs nginx's processes), a figure the machine's other load barely moves.
 */
final class HttpBench {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final int SECONDS = 5;
    private static final int ROUNDS = 5;
    /**
     * Each server is loaded this long before its rounds, alike: a JVM compiles its hot paths in the first seconds
     * (C2 still took ~9 % of the machine during rounds after a 2 s warm-up), a figure of starting, not of serving.
     */
    private static final int WARM_UP_SECONDS = 6;
    /** The previous quiet run on the 2-core build machine (docs/benchmarks.md, commit 49b0dad), and issue 16's. */
    private static final String SEGMENT_BEFORE = "before: 0.89, 50.2 vs nginx 37.9 us CPU/req (49b0dad); "
            + "0.65 and 0.70 (issue 16)";
    private static final String PLAYLIST_BEFORE = "before: 0.80, 31.9 vs nginx 27.0 us CPU/req (49b0dad); "
            + "0.81-0.84 (issue 16)";

    static void run(Path work) throws Exception {
        BenchReport.section("Clip media over HTTP, wrk -t2 -c64, " + ROUNDS + " interleaved rounds of " + SECONDS
                + " s after " + WARM_UP_SECONDS + " s of warm-up each, against nginx on the same files");
        Path data = work.resolve("http");
        try (ClipEngine engine = Engines.open(data, Clock.systemUTC(), 2000);
             // wrk's 64 connections and the bench's own all come from 127.0.0.1: the per-address cap is lifted.
             // Both servers log every request to a file: nginx its access.log, Clipdesk its access log.
             java.io.Writer accessLog = Files.newBufferedWriter(Files.createDirectories(work.resolve("http-logs"))
                     .resolve("access.log"));
             ApiServer server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, ApiKey.random(new SecureRandom()))
                     .withLimits(ConnectionLimits.DEFAULTS.withMaxConnectionsPerAddress(1024)),
                     ApiBackend.of(engine), accessLog)) {
            while (engine.streams().state(1).window().lengthMs() < 8000) {
                Thread.sleep(100);
            }
            long startS = engine.streams().state(1).window().startMs() / 1000 + 1;
            Clip clip = engine.clips().create(ClipRequest.of(1, startS, 4));
            while (engine.clips().get(clip.id()).status() != ClipStatus.READY) {
                Thread.sleep(50);
            }
            String segment = MediaPaths.clipSegment(clip.id(), "media_2_720", 0);
            String playlist = MediaPaths.clipPlaylist(clip.id(), "media_2_720");
            Path clipDir = engine.layout().clipDir(clip.id());
            int nginxPort = freePort();
            Process nginx = startNginx(work.resolve("nginx"), clipDir, nginxPort);
            try {
                // The server's event loops and pool ("http…") and the thread that formats and writes its log.
                LongSupplier ourCpu = () -> ProcCpu.ownThreadsMs("http") + ProcCpu.ownThreadsMs("access-log");
                LongSupplier nginxCpu = () -> ProcCpu.processTreeMs(nginx.toHandle());
                compare("TS segment (" + Files.size(clipDir.resolve(segment)) / 1024 + " KiB)",
                        server.baseUrl() + MediaPaths.clipUrl(1, segment), "http://127.0.0.1:" + nginxPort + "/" + segment,
                        0.9, SEGMENT_BEFORE, ourCpu, nginxCpu);
                compare("HLS playlist (" + Files.size(clipDir.resolve(playlist)) + " B)",
                        server.baseUrl() + MediaPaths.clipUrl(1, playlist), "http://127.0.0.1:" + nginxPort + "/" + playlist,
                        0.8, PLAYLIST_BEFORE, ourCpu, nginxCpu);
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void compare(String what, String ours, String reference, double target, String before,
                                LongSupplier ourCpu, LongSupplier referenceCpu) throws Exception {
        wrk(ours, WARM_UP_SECONDS, ourCpu);
        wrk(reference, WARM_UP_SECONDS, referenceCpu);
        double[][] clipdeskRounds = new double[ROUNDS][];
        double[][] nginxRounds = new double[ROUNDS][];
        for (int round = 0; round < ROUNDS; round++) {
            boolean oursFirst = round % 2 == 0;
            double[] first = oursFirst ? wrk(ours, SECONDS, ourCpu) : wrk(reference, SECONDS, referenceCpu);
            double[] second = oursFirst ? wrk(reference, SECONDS, referenceCpu) : wrk(ours, SECONDS, ourCpu);
            clipdeskRounds[round] = oursFirst ? first : second;
            nginxRounds[round] = oursFirst ? second : first;
        }
        double[] clipdesk = median(clipdeskRounds);
        double[] nginx = median(nginxRounds);
        double ratio = clipdesk[0] / nginx[0];
        BenchReport.line(what + " Clipdesk", String.format(Locale.ROOT, "%.0f req/s, p99 %.1f ms, %.1f us CPU/req",
                clipdesk[0], clipdesk[1], clipdesk[2]), "");
        BenchReport.line(what + " nginx", String.format(Locale.ROOT, "%.0f req/s, p99 %.1f ms, %.1f us CPU/req",
                nginx[0], nginx[1], nginx[2]), "(reference)");
        BenchReport.line("ratio Clipdesk / nginx", String.format(Locale.ROOT, "%.2f", ratio),
                String.format(Locale.ROOT, "target >= %.2f  ", target) + BenchReport.verdict(ratio >= target)
                        + "   " + before);
        System.out.println("  " + Bench.loadAverage());
    }

    /** The median of each column: {requests/s, p99 ms, server CPU µs per request}. */
    private static double[] median(double[][] rounds) {
        double[] result = new double[rounds[0].length];
        for (int column = 0; column < result.length; column++) {
            int c = column;
            double[] values = java.util.Arrays.stream(rounds).mapToDouble(r -> r[c]).sorted().toArray();
            result[column] = values[values.length / 2];
        }
        return result;
    }

    /** @return {requests/s, p99 ms, server CPU µs per request} */
    private static double[] wrk(String url, int seconds, LongSupplier serverCpuMs)
            throws IOException, InterruptedException {
        long cpuBeforeMs = serverCpuMs.getAsLong();
        Process p = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        long cpuMs = serverCpuMs.getAsLong() - cpuBeforeMs;
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        if (!rps.find() || !p99.find() || !requests.find()) {
            throw new IllegalStateException("cannot read wrk output:\n" + out);
        }
        double latency = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        double cpuUsPerRequest = cpuMs * 1000.0 / Math.max(1, Long.parseLong(requests.group(1)));
        return new double[] {Double.parseDouble(rps.group(1)), ms, cpuUsPerRequest};
    }

    private static Process startNginx(Path prefix, Path root, int port) throws Exception {
        Files.createDirectories(prefix.resolve("logs"));
        String conf = String.join("\n",
                "daemon off;", "worker_processes 2;", "user root;", "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + ";",
                "events { worker_connections 1024; }",
                "http {", "  sendfile on; tcp_nopush on; keepalive_requests 100000;",
                "  access_log " + prefix.resolve("logs/access.log") + ";",
                "  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; video/mp4 mp4; }",
                "  server { listen 127.0.0.1:" + port + "; root " + root + "; }", "}", "");
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process nginx = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        Thread.sleep(500);
        if (!nginx.isAlive()) {
            throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("logs/stdout.log")));
        }
        return nginx;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
