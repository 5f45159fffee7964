package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.StreamDraft;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Glass to desk for a pushed source: an encoder (the ffmpeg CLI, x264 zerolatency, RTMP) pushes a 1280x720 picture
 * whose wall-clock time of day is painted the moment each frame leaves this process, in the test signal's font
 * and place, into a desk as it ships ({@link DeskChild}, own process, Monocle headless) whose only stream is that
 * push; the desk's probe reads the time on screen once a second. In the same run, as the reference, the same desk
 * on the built-in test signal. Figures: p50 / p95 / max of wall clock minus the time shown.
 * <p>
 * The push carries no sound: a tone from the CLI ({@code -re -f lavfi -i sine}) runs on a clock that starts when
 * ffmpeg has set up, later than the piped pictures' first, and its FLV muxer then holds every picture back by the
 * difference to interleave them (0.73-0.77 s more than without, measured with this part); an encoder that
 * captures picture and sound on one clock does not.
 */
final class PushDeskBench {

    private static final long WARM_UP_MS = 30_000;
    private static final double LIVE_TARGET_MS = 1500;
    private static final String BEFORE = "before (c926447, a pushed source played from finished segments only; "
            + "this part, 2026-12-03, load 5.9-9.9): p50 3429, p95 3446, max 3450 ms (test signal p50 467 then)";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FPS = 25;

    record Figures(long p50, long p95, long max, int count, int unreadable, String load) {
    }

    static void run(Path work, double minutes) throws Exception {
        BenchReport.section(String.format(Locale.ROOT, "Live latency of a desk on an RTMP push, glass to desk "
                + "(%.1f min each, own process, Monocle headless); reference: the same desk on the test signal",
                minutes));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path pushData = work.resolve("push-desk");
        String pushUrl;
        try (ClipEngine engine = Engines.open(EngineConfig.defaults(new DataLayout(pushData))
                .withDefaultStream(false), Clock.systemUTC())) {
            var stream = engine.streams().create(new StreamDraft("Camera", PushAddress.rtmp(port).spec(), true,
                    600));
            pushUrl = PushAddress.of(stream.source()).orElseThrow().pushUrl("127.0.0.1", stream.mediaKey());
        }
        Figures pushed;
        try (ClockEncoder encoder = new ClockEncoder(pushUrl, work.resolve("push-encoder.log"))) {
            pushed = measure(pushData, work.resolve("push-desk.log"), minutes);
            System.out.println("  encoder: " + encoder.frames() + " frames pushed, " + encoder.starts()
                    + " connection(s)");
        }
        Figures reference = measure(work.resolve("signal-desk"), work.resolve("signal-desk.log"), minutes);
        report("pushed source (RTMP, 1280x720 H.264, no sound)", pushed, true);
        System.out.println("  " + BEFORE);
        report("reference: the test signal", reference, false);
    }

    private static void report(String what, Figures f, boolean target) {
        if (f.count() == 0) {
            BenchReport.line(what, "no reading", "(" + f.unreadable() + " reads unreadable)   " + f.load());
            return;
        }
        BenchReport.line(what + " (n=" + f.count() + ")", String.format(Locale.ROOT, "p50 %d, p95 %d, max %d ms",
                f.p50(), f.p95(), f.max()), (target ? "target p50 <= " + (int) LIVE_TARGET_MS + " ms  "
                + BenchReport.verdict(f.p50() <= LIVE_TARGET_MS) + "   " : "")
                + (f.unreadable() > 0 ? "(" + f.unreadable() + " reads unreadable)   " : "") + f.load());
    }

    private static Figures measure(Path data, Path log, double minutes) throws Exception {
        Process desk = DeskBench.startDesk(data, log);
        List<Long> latencies = new CopyOnWriteArrayList<>();
        int[] unreadable = new int[1];
        DeskBench.readLatencies(desk, latencies, unreadable);
        try {
            Thread.sleep(WARM_UP_MS);
            if (!desk.isAlive()) {
                throw new IllegalStateException("the desk exited: see " + log);
            }
            latencies.clear();
            unreadable[0] = 0;
            Thread.sleep((long) (minutes * 60_000));
            String load = Bench.loadAverage();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Figures(0, 0, 0, 0, unreadable[0], load);
            }
            return new Figures(sorted[sorted.length / 2],
                    sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)], sorted[sorted.length - 1],
                    sorted.length, unreadable[0], load);
        } finally {
            desk.destroy();
            if (!desk.waitFor(15, TimeUnit.SECONDS)) {
                desk.destroyForcibly();
            }
        }
    }

    /**
     * Paints the UTC time of day (HH:MM:SS.mmm) as the test signal draws its clock, white on black, 25 times a
     * second, and pipes the frames to an ffmpeg that encodes and pushes them until closed; an
     * encoder that could not connect yet (the desk's listener is not up) is started again.
     */
    private static final class ClockEncoder implements AutoCloseable {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(ZoneOffset.UTC);
        private final String url;
        private final Path log;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile Process ffmpeg;
        private volatile long frames;
        private volatile int starts;

        ClockEncoder(String url, Path log) {
            this.url = url;
            this.log = log;
            this.thread = new Thread(this::run, "push-encoder");
            thread.setDaemon(true);
            thread.start();
        }

        long frames() {
            return frames;
        }

        int starts() {
            return starts;
        }

        private void run() {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 132));
            while (running) {
                try {
                    Process p = start();
                    ffmpeg = p;
                    starts++;
                    try (OutputStream in = p.getOutputStream()) {
                        long t0 = System.nanoTime();
                        for (long n = 0; running && p.isAlive(); n++) {
                            long dueNs = t0 + n * 1_000_000_000L / FPS;
                            long waitNs = dueNs - System.nanoTime();
                            if (waitNs > 0) {
                                TimeUnit.NANOSECONDS.sleep(waitNs);
                            } else if (-waitNs > 1_000_000_000L / FPS) {
                                // Held up (ffmpeg starting): frames not captured in time are dropped, as a camera's.
                                n += -waitNs * FPS / 1_000_000_000L;
                            }
                            g.setColor(Color.BLACK);
                            g.fillRect(0, 0, WIDTH, HEIGHT);
                            g.setColor(Color.WHITE);
                            g.drawString(TIME.format(Instant.ofEpochMilli(System.currentTimeMillis())), 165, 330);
                            in.write(pixels);
                            in.flush();
                            frames++;
                        }
                    } catch (IOException e) {
                        // ffmpeg went away (no listener yet): start it again
                    }
                    p.destroy();
                    p.waitFor(5, TimeUnit.SECONDS);
                    if (running) {
                        Thread.sleep(500);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot run ffmpeg", e);
                } catch (InterruptedException e) {
                    return;
                }
            }
            g.dispose();
        }

        private Process start() throws IOException {
            List<String> command = List.of("ffmpeg", "-hide_banner", "-loglevel", "error",
                    // Stamped when ffmpeg reads them, as a capture card stamps.
                    "-use_wallclock_as_timestamps", "1",
                    "-f", "rawvideo", "-pix_fmt", "gray", "-s", WIDTH + "x" + HEIGHT, "-framerate",
                    Integer.toString(FPS), "-i", "pipe:0",
                    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-keyint_min",
                    "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-an",
                    "-f", "flv", url);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(10_000);
            Process p = ffmpeg;
            if (p != null) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
