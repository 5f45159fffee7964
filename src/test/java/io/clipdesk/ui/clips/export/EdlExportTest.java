package io.clipdesk.ui.clips.export;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.clip.Clip;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.clipdesk.ui.clips.export.ClipListExportTest.BERLIN;
import static io.clipdesk.ui.clips.export.ClipListExportTest.T0_S;
import static io.clipdesk.ui.clips.export.ClipListExportTest.clip;
import static io.clipdesk.ui.clips.export.ClipListExportTest.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EDL read back by a strict CMX 3600 reader written here: header lines, then per event one edit line in the
 * standard columns and its remarks. A third party's reading of it is {@link EdlThirdPartyParseTest} (OpenShot).
 */
class EdlExportTest {

    private static final Pattern EDIT = Pattern.compile(
            "(\\d{3})  (.{8}) (.{5}) (.{8}) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) "
                    + "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)");
    private static final CutTimes PAL = new CutTimes(25, BERLIN);

    record Event(String number, String reel, String channels, String transition, String sourceIn, String sourceOut,
                 String recordIn, String recordOut, List<String> remarks) {
    }

    /** Every line is a header, an edit, a remark of the edit before it, or blank; anything else fails. */
    static List<Event> parse(String edl) {
        List<String> lines = edl.lines().toList();
        assertTrue(lines.get(0).startsWith("TITLE: "), lines.get(0));
        assertEquals("FCM: NON-DROP FRAME", lines.get(1));
        assertTrue(edl.contains("\r\n") && !edl.replace("\r\n", "").contains("\n"), "CRLF line ends throughout");
        List<Event> events = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            Matcher edit = EDIT.matcher(line);
            if (edit.matches()) {
                events.add(new Event(edit.group(1), edit.group(2).strip(), edit.group(3).strip(),
                        edit.group(4).strip(), edit.group(5), edit.group(6), edit.group(7), edit.group(8),
                        new ArrayList<>()));
            } else if (line.startsWith("* ")) {
                events.get(events.size() - 1).remarks().add(line.substring(2));
            } else {
                assertTrue(line.isBlank(), "not CMX 3600: \"" + line + "\"");
            }
        }
        return events;
    }

    static long frames(String timecode) {
        String[] p = timecode.split(":");
        return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * 25
                + Long.parseLong(p[3]);
    }

    @Test
    void eachClip_isOneCutEvent_sourceInsideItsMp4_recordAtTheTimeOfDay_withNameAndFile() {
        List<Clip> clips = List.of(clip("bbbbbbbbbbbb", "Kick-off", T0_S + 10, 5), exact("cccccccccccc", "Goal"));
        List<Event> events = parse(EdlExport.of("Match day", clips, PAL, c -> "file:///clips/rec_" + c.id()
                + "_master.mp4"));

        assertEquals(2, events.size());
        assertEquals(new Event("001", "AX", "AA/V", "C", "00:00:00:10", "00:00:05:10", "16:46:50:00", "16:46:55:00",
                List.of("FROM CLIP NAME: Kick-off", "SOURCE FILE: file:///clips/rec_bbbbbbbbbbbb_master.mp4")),
                events.get(0));
        Event goal = events.get(1);
        assertEquals("002", goal.number());
        assertEquals("00:00:00:23", goal.sourceIn(), "920 ms into the MP4, whose media starts before the mark");
        assertEquals("16:48:20:13", goal.recordIn(), "14:48:20.520 UTC is 16:48:20 and 13 frames in Berlin");
        assertEquals(69, frames(goal.sourceOut()) - frames(goal.sourceIn()), "2.76 s at 25 fps");
        assertEquals(frames(goal.sourceOut()) - frames(goal.sourceIn()),
                frames(goal.recordOut()) - frames(goal.recordIn()), "source and record are equally long");
        assertTrue(goal.remarks().contains("COMMENT: Goal, home team"), goal.remarks().toString());
    }

    @Test
    void aNameWithLineBreaks_staysOnItsRemarkLine() {
        List<Event> events = parse(EdlExport.of("T", List.of(clip("bbbbbbbbbbbb", "Two\nlines", T0_S, 2)), PAL,
                c -> "http://host/rec_" + c.id() + "_master.mp4"));
        assertEquals("FROM CLIP NAME: Two lines", events.get(0).remarks().get(0));
    }

    @Test
    void moreClipsThanThreeDigitEventNumbers_isRefusedWithTheLimit() {
        List<Clip> many = Collections.nCopies(EdlExport.MAX_EVENTS + 1, clip("bbbbbbbbbbbb", "x", T0_S, 2));
        String sentence = assertThrows(InvalidRequestException.class,
                () -> EdlExport.of("T", many, PAL, c -> "u")).getMessage();
        assertTrue(sentence.contains("at most 999 clips"), sentence);
    }
}
