package io.clipdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark entry point: {@code mvn -q -Pbench test-compile} (README). Prints figures against the reference
 * tools measured in the same run. Arguments pick parts: remux, create, live, http, timeline, sources, frame, waveform
 * (default: all).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = java.util.Arrays.stream(String.join(" ", args).split("[ ,]+"))
                .filter(p -> !p.isBlank()).toList();
        if (parts.isEmpty()) {
            parts = List.of("remux", "create", "live", "http", "timeline", "sources", "frame", "waveform");
        }
        Path work = Files.createTempDirectory("clipdesk-bench");
        System.out.println("Clipdesk benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores), work dir "
                + work);
        for (String part : parts) {
            switch (part) {
                case "remux" -> RemuxBench.run(work);
                case "create" -> ClipCreationBench.run(work);
                case "live" -> LiveEngineBench.run(work, 60);
                case "http" -> HttpBench.run(work);
                case "timeline" -> TimelineBench.run(work);
                case "sources" -> SourcesBench.run(work, 60);
                case "frame" -> FrameCutBench.run(work);
                case "waveform" -> WaveformBench.run(work, 30);
                default -> System.out.println("unknown part " + part
                        + " (remux, create, live, http, timeline, sources, frame, waveform)");
            }
        }
        io.clipdesk.engine.DurableFiles.deleteTree(work);
        System.exit(0);
    }
}
