package io.clipdesk.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Debian ffprobe as an independent judge of what our code wrote. */
final class Ffprobe {

    private Ffprobe() {
    }

    /** Runs {@code ffprobe -v error -of json <args>} and parses its answer. */
    static JsonNode json(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-of", "json"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException("ffprobe failed: " + command);
        }
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    static JsonNode streams(String file) throws IOException, InterruptedException {
        return json("-show_entries", "stream=codec_type,codec_name,width,height,duration,start_time:format=duration,start_time",
                file);
    }

    /** The stream of {@code type} ("video" / "audio") in a {@link #streams} answer. */
    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) {
            if (type.equals(s.get("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    /** Packets of one stream ("v" / "a") with pts, dts, duration and flags, in file order. */
    static JsonNode packets(String file, String streamSpec) throws IOException, InterruptedException {
        return json("-select_streams", streamSpec, "-show_entries", "packet=pts,dts,duration,flags", file)
                .get("packets");
    }
}
