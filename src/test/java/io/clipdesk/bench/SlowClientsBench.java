package io.clipdesk.bench;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.ApiServer;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Slow and idle clients against the default limits: 250 connections from 250 loopback addresses that send
 * nothing or half a request head, while one normal client asks for /health on a kept-alive connection; then 250
 * connections from one address against the per-address cap.
 */
final class SlowClientsBench {

    private static final int HELD = 250;
    private static final int REQUESTS = 300;
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private SlowClientsBench() {
    }

    static void run(Path work) throws Exception {
        BenchReport.section("Slow clients: " + HELD + " idle and half-sent connections, default limits");
        try (ClipEngine engine = Engines.open(work.resolve("slow"), Clock.systemUTC(), 2000);
             ApiServer server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, ApiKey.random(new SecureRandom())),
                     ApiBackend.of(engine), new StringWriter())) {
            int port = server.port();
            latenciesMs(port, REQUESTS); // warm-up: JIT and the first database reads
            double[] alone = latenciesMs(port, REQUESTS);
            List<Socket> held = new ArrayList<>();
            long openedNanos = System.nanoTime();
            for (int i = 0; i < HELD; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port,
                        InetAddress.getByName("127.0.1." + (i % 250 + 1)), 0);
                if (i % 2 == 1) {
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                held.add(socket);
            }
            double[] meanwhile = latenciesMs(port, REQUESTS);
            ExecutorService waiters = Executors.newFixedThreadPool(16);
            List<Future<Long>> closes = new ArrayList<>();
            for (Socket socket : held) {
                closes.add(waiters.submit(() -> closedAfterNanos(socket, openedNanos)));
            }
            long first = Long.MAX_VALUE;
            long last = 0;
            for (Future<Long> close : closes) {
                first = Math.min(first, close.get());
                last = Math.max(last, close.get());
            }
            waiters.shutdown();
            BenchReport.line("/health median, no one else connected", ms(BenchReport.median(alone)), "");
            BenchReport.line("/health median, " + HELD + " held meanwhile", ms(BenchReport.median(meanwhile)), "");
            BenchReport.line("/health slowest of " + REQUESTS + ", held meanwhile", ms(max(meanwhile)), "");
            BenchReport.line("held connections closed after", String.format(Locale.ROOT, "%.1f–%.1f s",
                    first / 1e9, last / 1e9), "header timeout 10 s");

            List<Socket> greedy = new ArrayList<>();
            for (int i = 0; i < HELD; i++) {
                greedy.add(new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName("127.0.2.1"), 0));
            }
            Thread.sleep(1000); // refused ones are closed on accept; a second covers a loaded machine
            int refused = 0;
            for (Socket socket : greedy) {
                socket.setSoTimeout(1);
                try {
                    refused += socket.getInputStream().read() < 0 ? 1 : 0;
                } catch (IOException stillOpen) {
                    // held: the read timed out
                }
            }
            greedy.forEach(SlowClientsBench::closeQuietly);
            BenchReport.line(HELD + " from one address: held / closed at once", (HELD - refused) + " / " + refused,
                    "cap " + io.clipdesk.api.http.connection.ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
            held.forEach(SlowClientsBench::closeQuietly);
        }
    }

    private static double[] latenciesMs(int port, int count) throws IOException {
        double[] latencies = new double[count];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                out.write(HEALTH.getBytes(StandardCharsets.ISO_8859_1));
                readResponse(in);
                latencies[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return latencies;
    }

    private static void readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = text.indexOf("content-length:");
        int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).strip());
        in.readNBytes(length);
    }

    private static long closedAfterNanos(Socket socket, long openedNanos) throws IOException {
        socket.setSoTimeout(120_000);
        try {
            while (socket.getInputStream().read() >= 0) {
                // nothing is answered to a request never finished
            }
        } catch (IOException reset) {
            // closed by a reset
        }
        return System.nanoTime() - openedNanos;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f ms", value);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
