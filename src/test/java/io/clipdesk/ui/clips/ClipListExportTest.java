package io.clipdesk.ui.clips;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipAccuracy;
import io.clipdesk.engine.ClipStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipListExportTest {

    private static final long T0_S = 1_716_562_000L;
    /** The DVR's oldest segment starts half a second after T0. */
    private static final long DVR_START_MS = T0_S * 1000 + 500;
    private static final MediaLinks LINKS = new MediaLinks("http://127.0.0.1:8080/");

    private static Clip clip(String id, String name, long startS, int durationS) {
        return new Clip(id, 1, name, startS, durationS, startS + durationS + 3600, 0, false, 0,
                List.of("media_1_360"), ClipStatus.READY, "", 0, 0, ClipAccuracy.SEGMENT);
    }

    private final List<Clip> newestFirst = List.of(
            clip("cccccccccccc", "Goal, \"top\" corner", T0_S + 100, 30),
            clip("bbbbbbbbbbbb", "Kick-off", T0_S + 10, 5),
            clip("aaaaaaaaaaaa", "Before the window", T0_S - 60, 20));

    @Test
    void csv_isStartEndLabelInSecondsFromTheDvrStart_oldestFirst_withoutHeader_quotedWhenNeeded() {
        ClipListExport export = new ClipListExport(newestFirst, DVR_START_MS, LINKS);
        assertEquals("9.5,14.5,Kick-off\n99.5,129.5,\"Goal, \"\"top\"\" corner\"\n", export.csv());
        assertEquals(1, export.outsideDvr(), "a clip starting before the DVR is not in the recording");
    }

    @Test
    void json_listsEveryClipWithDvrAndAbsoluteTimesAndLinks() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(new ClipListExport(newestFirst, DVR_START_MS, LINKS).json());
        assertEquals(3, rows.size());
        JsonNode before = rows.get(0);
        assertEquals("aaaaaaaaaaaa", before.get("id").asText());
        assertTrue(before.get("dvr_start_s").isNull());
        JsonNode kickOff = rows.get(1);
        assertEquals(9.5, kickOff.get("dvr_start_s").asDouble());
        assertEquals(14.5, kickOff.get("dvr_end_s").asDouble());
        assertEquals(T0_S + 10, kickOff.get("start").asLong());
        assertEquals("ready", kickOff.get("status").asText());
        assertEquals("http://127.0.0.1:8080/rec/1/rec_bbbbbbbbbbbb_master.m3u8", kickOff.get("hls_master").asText());
        assertEquals("http://127.0.0.1:8080/rec/1/rec_bbbbbbbbbbbb_master.mp4", kickOff.get("mp4_master").asText());
    }
}
