package io.clipdesk.ui.clips.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.ui.clips.preview.MediaLinks;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipListExportTest {

    /** 2024-05-24T14:46:40Z, 16:46:40 in Berlin (summer time, +02:00). */
    static final long T0_S = 1_716_562_000L;
    /** The DVR's oldest segment starts half a second after T0. */
    private static final long DVR_START_MS = T0_S * 1000 + 500;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final MediaLinks LINKS = new MediaLinks("http://127.0.0.1:8080/");

    static Clip clip(String id, String name, long startS, int durationS) {
        return new Clip(id, 1, name, startS, durationS, startS + durationS + 3600, 0, false, 0,
                List.of("media_1_360"), ClipStatus.READY, "", startS * 1000 - 400, (startS + durationS) * 1000 + 600,
                ClipAccuracy.SEGMENT);
    }

    /** An exact cut from 14:48:20.520 to 14:48:23.280 (UTC), in an MP4 whose media starts at 14:48:19.600. */
    static Clip exact(String id, String name) {
        long fromMs = (T0_S + 100) * 1000 + 520;
        return new Clip(id, 1, name, T0_S + 100, 4, T0_S + 4000, 0, false, 0, List.of("media_1_360"),
                ClipStatus.READY, "", fromMs - 920, fromMs + 3_000, ClipAccuracy.FRAME, 0,
                Optional.of(new ExactRange(fromMs, fromMs + 2_760)),
                new ClipDescription("Top corner", List.of("Goal", "home team"), "ana"));
    }

    private final List<Clip> newestFirst = List.of(
            exact("cccccccccccc", "Goal, \"top\" corner"),
            clip("bbbbbbbbbbbb", "Kick-off", T0_S + 10, 5),
            clip("aaaaaaaaaaaa", "Before the window", T0_S - 60, 20));

    @Test
    void csv_hasAHeader_losslessCutSecondsFromTheFirstClip_wallClockWithOffset_tagsAndId_oldestFirst() {
        String csv = new ClipListExport(newestFirst, DVR_START_MS, LINKS, BERLIN).csv();

        assertEquals(List.of(
                "start,end,label,start_time,end_time,duration_s,tags,id",
                "0,20,Before the window,2024-05-24T16:45:40.000+02:00,2024-05-24T16:46:00.000+02:00,20,,aaaaaaaaaaaa",
                "70,75,Kick-off,2024-05-24T16:46:50.000+02:00,2024-05-24T16:46:55.000+02:00,5,,bbbbbbbbbbbb",
                "160.52,163.28,\"Goal, \"\"top\"\" corner\",2024-05-24T16:48:20.520+02:00,"
                        + "2024-05-24T16:48:23.280+02:00,2.76,\"Goal, home team\",cccccccccccc"),
                csv.lines().toList());
    }

    @Test
    void json_listsEveryClipWithDvrAndAbsoluteTimesAndLinks() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(new ClipListExport(newestFirst, DVR_START_MS, LINKS, BERLIN)
                .json());
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
