package io.clipdesk.ui.clips.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.clip.Clip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.clipdesk.ui.clips.export.ClipListExportTest.BERLIN;
import static io.clipdesk.ui.clips.export.ClipListExportTest.T0_S;
import static io.clipdesk.ui.clips.export.ClipListExportTest.clip;
import static io.clipdesk.ui.clips.export.ClipListExportTest.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our CMX 3600 EDL read by a third party: OpenShot's EDL importer (Debian package {@code openshot-qt}), run by
 * {@code src/test/edl/openshot_edl_parse.py} with the application around it stood in for. Where the importer is not
 * installed, the test fetches the package into {@code target/third-party} with {@code apt-get download} (no
 * install, no dependencies: only OpenShot's Python sources are used).
 */
class EdlThirdPartyParseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INSTALLED = Path.of("/usr/lib/python3/dist-packages/openshot_qt");
    private static final Path FETCHED = Path.of("target", "third-party", "openshot-qt");

    @TempDir
    Path dir;

    @Test
    void openShotsImporter_readsEveryEvent_withItsClipNameAndTimecodes() throws Exception {
        Path openshot = openShot().orElse(null);
        Assumptions.assumeTrue(openshot != null, "OpenShot's importer is neither installed nor downloadable here "
                + "(apt-get download openshot-qt failed); EdlExportTest still checks the format");
        List<Clip> clips = List.of(clip("bbbbbbbbbbbb", "Kick-off", T0_S + 10, 5), exact("cccccccccccc", "Goal"));
        String edl = EdlExport.of("Match day", clips, new CutTimes(25, BERLIN), c -> "file:///clips/rec_" + c.id()
                + "_master.mp4");
        Path file = Files.writeString(dir.resolve("clips.edl"), edl);

        JsonNode events = JSON.readTree(run("python3", "src/test/edl/openshot_edl_parse.py", openshot.toString(),
                file.toString(), "25"));

        assertEquals(2, events.size(), events.toString());
        JsonNode kickOff = events.get(0);
        assertEquals("Match day", kickOff.get("title").asText());
        assertEquals("NON-DROP FRAME", kickOff.get("fcm").asText());
        assertEquals("001", kickOff.get("edit_index").asText());
        assertEquals("Kick-off", kickOff.get("clip_path").asText(), "OpenShot takes the clip by FROM CLIP NAME");
        JsonNode av = kickOff.get("AX").get("AA/V");
        assertEquals("C", av.get("edit_type").asText());
        assertEquals("00:00:00:10", av.get("clip_start_time").asText());
        assertEquals("00:00:05:10", av.get("clip_end_time").asText());
        assertEquals("16:46:50:00", av.get("timeline_position").asText());
        assertEquals("16:46:55:00", av.get("timeline_position_end").asText());
        JsonNode seconds = kickOff.get("seconds").get("AA/V");
        assertEquals(5.0, seconds.get("clip_end_time").asDouble() - seconds.get("clip_start_time").asDouble(), 1e-9,
                "5 s in OpenShot's own timecode arithmetic");
        assertEquals(16 * 3600 + 46 * 60 + 50, seconds.get("timeline_position").asDouble(), 1e-9);

        JsonNode goal = events.get(1);
        assertEquals("002", goal.get("edit_index").asText());
        assertEquals("Goal", goal.get("clip_path").asText());
        JsonNode goalSeconds = goal.get("seconds").get("AA/V");
        assertEquals(2.76, goalSeconds.get("clip_end_time").asDouble() - goalSeconds.get("clip_start_time").asDouble(),
                1e-9, "the exact clip's 69 frames");
        assertEquals(2.76, goalSeconds.get("timeline_position_end").asDouble()
                - goalSeconds.get("timeline_position").asDouble(), 1e-9);
    }

    private Optional<Path> openShot() throws Exception {
        if (Files.isDirectory(INSTALLED.resolve("classes/importers"))) {
            return Optional.of(INSTALLED);
        }
        Path fetched = FETCHED.resolve("usr/lib/python3/dist-packages/openshot_qt").toAbsolutePath();
        if (!Files.isDirectory(fetched.resolve("classes/importers"))) {
            Files.createDirectories(FETCHED);
            Process download = new ProcessBuilder("apt-get", "download", "openshot-qt").directory(FETCHED.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("apt.log").toFile()).start();
            if (!download.waitFor(300, TimeUnit.SECONDS) || download.exitValue() != 0) {
                return Optional.empty();
            }
            try (var debs = Files.list(FETCHED)) {
                for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    run("dpkg-deb", "-x", deb.toString(), FETCHED.toString());
                }
            }
        }
        return Files.isDirectory(fetched.resolve("classes/importers")) ? Optional.of(fetched) : Optional.empty();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + err + out);
        return out;
    }
}
