package io.clipdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark entry point: {@code mvn -q -Pbench test-compile} (README). Prints figures against the reference
 * tools measured in the same run. Arguments pick parts: remux, create, live, http, slow, timeline, sources,
 * frame, waveform, sound, reframe, desk[=minutes] (one desk as it ships, 5 min by default), desks, delivery,
 * remote (a desk on a server over loopback against a local one), pushdesk[=minutes] (glass to desk on an RTMP push
 * against the test signal, 1 min each by default) (default: all but desks, remote and pushdesk).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = java.util.Arrays.stream(String.join(" ", args).split("[ ,]+"))
                .filter(p -> !p.isBlank()).toList();
        if (parts.isEmpty()) {
            parts = List.of("remux", "create", "live", "http", "slow", "timeline", "sources", "frame", "waveform",
                    "sound", "desk", "delivery");
        }
        Path work = Files.createTempDirectory("clipdesk-bench");
        System.out.println("Clipdesk benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores), work dir "
                + work);
        System.out.println(machine());
        for (String part : parts) {
            switch (part) {
                case "remux" -> RemuxBench.run(work);
                case "create" -> ClipCreationBench.run(work);
                case "live" -> LiveEngineBench.run(work, 60);
                case "http" -> HttpBench.run(work);
                case "slow" -> SlowClientsBench.run(work);
                case "timeline" -> TimelineBench.run(work);
                case "sources" -> SourcesBench.run(work, 60);
                case "frame" -> FrameCutBench.run(work);
                case "waveform" -> WaveformBench.run(work, 30);
                case "sound" -> SoundBench.run(work, 60);
                case "desk" -> DeskBench.run(work, 5);
                case "desks" -> DesksBench.run(work, 60);
                case "remote" -> RemoteBench.run(work, 30);
                case "reframe" -> ReframeBench.run(work);
                case "pushdesk" -> PushDeskBench.run(work, 1);
                case "delivery" -> DeliveryBench.run(work);
                default -> {
                    if (part.startsWith("desk=")) {
                        DeskBench.run(work, Double.parseDouble(part.substring("desk=".length())));
                    } else if (part.startsWith("pushdesk=")) {
                        PushDeskBench.run(work, Double.parseDouble(part.substring("pushdesk=".length())));
                    } else {
                        System.out.println("unknown part " + part + " (remux, create, live, http, slow, timeline,"
                                + " sources, frame, waveform, sound, reframe, desks, remote, desk[=minutes], delivery,"
                                + " pushdesk[=minutes])");
                    }
                }
            }
        }
        io.clipdesk.engine.storage.DurableFiles.deleteTree(work);
        System.exit(0);
    }

    /** The 1, 5 and 15-minute load averages now, with a warning when the machine is busier than its cores. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            double one = Double.parseDouble(fields[0]);
            int cores = Runtime.getRuntime().availableProcessors();
            return "load average " + fields[0] + " " + fields[1] + " " + fields[2]
                    + (one > cores ? "  (INVALID as an absolute figure: load above " + cores
                    + " cores; read ratios within the run only)" : "");
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** What a figure depends on, printed beside it so a run on another machine can be read against this one. */
    static String machine() {
        String loadAverage = loadAverage();
        return "machine: " + System.getProperty("os.name") + " kernel " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", Netty transport "
                + (io.netty.channel.epoll.Epoll.isAvailable() ? "epoll (native)" : "NIO") + ", " + loadAverage;
    }
}
