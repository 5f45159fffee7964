package io.clipdesk.bench;

import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The desk as it ships, in a process of its own: {@link DeskChild} starts the app with the JVM options of
 * {@code installer/jvm-options} (plus native memory tracking) on Monocle headless, with the test signal and a
 * remuxed 1080p file stream, playing the test signal live. Measured from outside over the run: resident memory,
 * CPU (% of a core), threads, and the live latency read from the clock burned into the picture on screen; at
 * the end, where the memory is, by the JVM's native memory tracking and by pmap's resident mappings.
 */
final class DeskBench {

    private static final long WARM_UP_MS = 30_000;
    private static final double RSS_TARGET_MB = 500;
    private static final double CPU_TARGET_PERCENT = 40;
    private static final double LIVE_TARGET_MS = 1500;
    private static final String BEFORE = "before (issue 16): 710 MiB RSS, 71 % of a core, 76-79 threads, live 2.6 s";

    static void run(Path work, double minutes) throws Exception {
        BenchReport.section(String.format(Locale.ROOT, "Desk playing live for %.1f min (own process, Monocle "
                + "headless, 1280x720): test signal + remuxed 1080p file stream", minutes));
        Path data = work.resolve("desk");
        Path feed = SourcesBench.feed(work);
        try (ClipEngine engine = Engines.open(EngineConfig.defaults(new DataLayout(data)), Clock.systemUTC())) {
            engine.streams().create(new StreamDraft("File", new SourceSpec(SourceKind.FILE_LOOP, feed.toString()),
                    true, LiveStream.MIN_DVR_DURATION_S * 4));
        }
        Process desk = startDesk(data, work.resolve("desk.log"));
        List<Long> latencies = new CopyOnWriteArrayList<>();
        int[] unreadable = new int[1];
        readLatencies(desk, latencies, unreadable);
        try {
            Thread.sleep(WARM_UP_MS);
            if (!desk.isAlive()) {
                throw new IllegalStateException("the desk exited: see " + work.resolve("desk.log"));
            }
            latencies.clear();
            unreadable[0] = 0;
            long pid = desk.pid();
            long cpu0 = ProcCpu.processTreeMs(desk.toHandle());
            long wall0 = System.nanoTime();
            long endNs = wall0 + (long) (minutes * 60e9);
            double rssMaxMb = 0;
            int threadsMax = 0;
            while (System.nanoTime() < endNs && desk.isAlive()) {
                Thread.sleep(5000);
                Map<String, String> status = status(pid);
                rssMaxMb = Math.max(rssMaxMb, kb(status.get("VmRSS")) / 1024.0);
                threadsMax = Math.max(threadsMax, Integer.parseInt(status.get("Threads").strip()));
            }
            double cpuPercent = 100.0 * (ProcCpu.processTreeMs(desk.toHandle()) - cpu0) * 1e6
                    / (System.nanoTime() - wall0);
            Map<String, String> status = status(pid);
            double rssMb = kb(status.get("VmRSS")) / 1024.0;
            BenchReport.line("resident memory (end / peak)", String.format(Locale.ROOT, "%.0f / %.0f MB", rssMb,
                    rssMaxMb), "target <= " + (int) RSS_TARGET_MB + " MB  " + BenchReport.verdict(rssMaxMb
                    <= RSS_TARGET_MB) + "   " + BEFORE);
            BenchReport.line("CPU, whole desk process", String.format(Locale.ROOT, "%.1f %% of a core", cpuPercent),
                    "target <= " + (int) CPU_TARGET_PERCENT + " %  " + BenchReport.verdict(cpuPercent
                    <= CPU_TARGET_PERCENT));
            BenchReport.line("threads (end / peak)", status.get("Threads").strip() + " / " + threadsMax, "");
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length > 0) {
                long p50 = sorted[sorted.length / 2];
                long p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
                BenchReport.line("live latency, burned-in clock (n=" + sorted.length + ")",
                        String.format(Locale.ROOT, "p50 %d, p95 %d, max %d ms", p50, p95, sorted[sorted.length - 1]),
                        "target p50 <= " + (int) LIVE_TARGET_MS + " ms  " + BenchReport.verdict(p50 <= LIVE_TARGET_MS)
                                + (unreadable[0] > 0 ? "   (" + unreadable[0] + " reads unreadable)" : ""));
            } else {
                BenchReport.line("live latency, burned-in clock", "no reading", "(" + unreadable[0]
                        + " reads unreadable; see " + work.resolve("desk.log") + ")");
            }
            System.out.println("  " + Bench.loadAverage());
            nativeMemory(pid);
            residentMappings(pid);
        } finally {
            desk.destroy();
            if (!desk.waitFor(15, TimeUnit.SECONDS)) {
                desk.destroyForcibly();
            }
        }
    }

    /**
     * Starts {@link DeskChild} on {@code data} as the desk ships (installer/jvm-options, plus native memory
     * tracking) on Monocle headless; its log goes to {@code log}.
     */
    static Process startDesk(Path data, Path log) throws IOException {
        List<String> options = jvmOptions();
        System.out.println("  JVM options (installer/jvm-options unless CLIPDESK_DESK_JVM_OPTIONS): "
                + String.join(" ", options));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:NativeMemoryTracking=summary", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), DeskChild.class.getName(), "--data-dir",
                data.toString()));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** installer/jvm-options without comments and blank lines, as installer/build-deb.sh reads it. */
    static List<String> jvmOptions() throws IOException {
        // To measure other options against the shipped ones in the same conditions (e.g. the old "-Xmx1g").
        String override = System.getenv("CLIPDESK_DESK_JVM_OPTIONS");
        if (override != null && !override.isBlank()) {
            return List.of(override.strip().split("\\s+"));
        }
        Path file = Path.of("installer", "jvm-options");
        return Files.readAllLines(file).stream().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
    }

    /** Collects the {@code latency} lines the desk's probe prints, on a daemon thread, until the desk ends. */
    static void readLatencies(Process desk, List<Long> latencies, int[] unreadable) {
        Thread reader = new Thread(() -> collectLatencies(desk, latencies, unreadable), "desk-latency");
        reader.setDaemon(true);
        reader.start();
    }

    private static void collectLatencies(Process desk, List<Long> latencies, int[] unreadable) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(desk.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("latency unreadable")) {
                    unreadable[0]++;
                } else if (line.startsWith("latency ")) {
                    latencies.add(Long.parseLong(line.substring("latency ".length()).strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The desk ended; what was read stays.
        }
    }

    private static Map<String, String> status(long pid) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static long kb(String value) {
        return Long.parseLong(value.replace("kB", "").strip());
    }

    /** The JVM's own account: committed memory per category (heap, class metadata, threads, code, GC, other). */
    private static void nativeMemory(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "VM.native_memory", "summary", "scale=MB")
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        System.out.println("  where the memory is, by the JVM's native memory tracking (committed, MB):");
        for (String line : out.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Total:") || l.matches("-\\s+\\S.*\\(reserved=.*")) {
                System.out.println("    " + l.replaceAll("\\s+", " "));
            }
        }
    }

    /**
     * The process's resident memory by mapping, as pmap sees it: anonymous memory (Java heap, malloc arenas of
     * FFmpeg and JavaFX, thread stacks) and each library's resident pages, largest first.
     */
    private static void residentMappings(long pid) throws Exception {
        Process pmap = new ProcessBuilder("pmap", "-x", Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(pmap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pmap.waitFor();
        Map<String, Long> byName = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[0].matches("[0-9a-f]{8,}")) {
                String name = line.contains("[") ? "[ anon ] (Java heap, metaspace, code, malloc, stacks)"
                        : f[f.length - 1].replaceAll("\\.so.*", ".so");
                byName.merge(name, Long.parseLong(f[2]), Long::sum);
            }
        }
        System.out.println("  resident memory by mapping (pmap -x, MB), largest first:");
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10).forEach(e -> System.out.printf(Locale.ROOT, "    %8.1f  %s%n", e.getValue() / 1024.0,
                        e.getKey()));
    }
}
