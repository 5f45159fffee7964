package io.clipdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Debian ffprobe as an independent judge of the files Clipdesk writes. */
public final class Ffprobe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffprobe() {
    }

    public static JsonNode json(String... args) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-of", "json"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ffprobe failed: " + err);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("cannot run ffprobe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** format + streams of a file. */
    public static JsonNode describe(Path file) {
        return json("-show_format", "-show_streams", file.toString());
    }

    public static double durationS(Path file) {
        return describe(file).path("format").path("duration").asDouble();
    }

    /** Codec names, video first as in the file order. */
    public static List<String> codecs(Path file) {
        List<String> out = new ArrayList<>();
        describe(file).path("streams").forEach(s -> out.add(s.path("codec_name").asText()));
        return out;
    }

    /** The flags of the first video packet ("K__" for a keyframe). */
    public static String firstVideoPacketFlags(Path file) {
        JsonNode packets = json("-select_streams", "v:0", "-show_entries", "packet=flags", "-read_intervals",
                "%+#1", file.toString()).path("packets");
        return packets.isEmpty() ? "" : packets.get(0).path("flags").asText();
    }

    /** Decodes the whole file; returns stderr lines (empty when it plays cleanly). */
    public static String decodeErrors(String urlOrPath) {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-i", urlOrPath, "-f", "null", "-")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out.strip() : "exit " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Streams and format with the fields the media tests compare. */
    public static JsonNode streams(String file) {
        return json("-show_entries",
                "stream=codec_type,codec_name,width,height,duration,start_time:format=duration,start_time", file);
    }

    /** The stream of {@code type} ("video" / "audio") in a {@link #streams} answer. */
    public static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) {
            if (type.equals(s.get("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    /** Packets of one stream ("v" / "a") with pts, dts, duration and flags, in file order. */
    public static JsonNode packets(String file, String streamSpec) {
        return json("-select_streams", streamSpec, "-show_entries", "packet=pts,dts,duration,flags", file)
                .get("packets");
    }
}
