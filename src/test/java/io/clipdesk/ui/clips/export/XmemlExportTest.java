package io.clipdesk.ui.clips.export;

import io.clipdesk.engine.clip.Clip;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.clipdesk.ui.clips.export.ClipListExportTest.BERLIN;
import static io.clipdesk.ui.clips.export.ClipListExportTest.T0_S;
import static io.clipdesk.ui.clips.export.ClipListExportTest.clip;
import static io.clipdesk.ui.clips.export.ClipListExportTest.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FCP 7 XML checked as xmeml 5 structure: the elements Premiere and Resolve read, and their arithmetic. */
class XmemlExportTest {

    private static final CutTimes PAL = new CutTimes(25, BERLIN);

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static long number(Element parent, String name) {
        return Long.parseLong(only(parent, name).getTextContent());
    }

    @Test
    void sequence_startsAtTheFirstClipsTimeOfDay_andEachClipIsAClipitemCutFromItsFile() throws Exception {
        List<Clip> clips = List.of(clip("bbbbbbbbbbbb", "Kick-off & <start>", T0_S + 10, 5), exact("cccccccccccc",
                "Goal"));
        Element root = parse(XmemlExport.of("Match day", clips, PAL, c -> "file:///clips/rec_" + c.id()
                + "_master.mp4")).getDocumentElement();

        assertEquals("xmeml", root.getTagName());
        assertEquals("5", root.getAttribute("version"));
        Element sequence = only(root, "sequence");
        assertEquals("Match day", only(sequence, "name").getTextContent());
        assertEquals(25, number(only(sequence, "rate"), "timebase"));
        assertEquals("FALSE", only(only(sequence, "rate"), "ntsc").getTextContent());
        Element timecode = only(sequence, "timecode");
        assertEquals("16:46:50:00", only(timecode, "string").getTextContent());
        assertEquals("NDF", only(timecode, "displayformat").getTextContent());
        Element video = only(only(sequence, "media"), "video");
        List<Element> tracks = children(video, "track");
        assertEquals(1, tracks.size(), "clips apart in time share a track");
        List<Element> items = children(tracks.get(0), "clipitem");
        assertEquals(2, items.size());

        Element kickOff = items.get(0);
        assertEquals("Kick-off & <start>", only(kickOff, "name").getTextContent());
        assertEquals(0, number(kickOff, "start"));
        assertEquals(125, number(kickOff, "end"));
        assertEquals(10, number(kickOff, "in"), "400 ms into its MP4");
        assertEquals(135, number(kickOff, "out"));
        Element file = only(kickOff, "file");
        assertEquals("file:///clips/rec_bbbbbbbbbbbb_master.mp4", only(file, "pathurl").getTextContent());
        assertEquals("rec_bbbbbbbbbbbb_master.mp4", only(file, "name").getTextContent());
        assertFalse(file.getAttribute("id").isEmpty());

        Element goal = items.get(1);
        assertEquals(90 * 25 + 13, number(goal, "start"), "90.52 s after the kick-off clip, on the sequence");
        assertEquals(number(goal, "end") - number(goal, "start"), number(goal, "out") - number(goal, "in"));
        assertEquals(69, number(goal, "out") - number(goal, "in"));
        assertEquals(number(goal, "end"), number(sequence, "duration"));
        assertEquals("Top corner", only(only(goal, "comments"), "mastercomment1").getTextContent());

        List<Element> audio = children(only(only(sequence, "media"), "audio"), "track");
        assertEquals(2, audio.size(), "stereo: one track per channel");
        Element left = children(audio.get(0), "clipitem").get(0);
        assertEquals(file.getAttribute("id"), only(left, "file").getAttribute("id"), "the same file, by reference");
        assertTrue(only(left, "file").getChildNodes().getLength() == 0, "declared once, on the video item");
        assertEquals(number(kickOff, "in"), number(left, "in"));
    }

    @Test
    void clipsOverlappingInTime_goOnSeparateVideoTracks() throws Exception {
        List<Clip> clips = List.of(clip("aaaaaaaaaaaa", "Wide", T0_S, 20), clip("bbbbbbbbbbbb", "Close", T0_S + 5, 5),
                clip("cccccccccccc", "Later", T0_S + 30, 5));
        Element sequence = only(parse(XmemlExport.of("T", clips, PAL, c -> "http://h/" + c.id() + ".mp4"))
                .getDocumentElement(), "sequence");
        List<Element> tracks = children(only(only(sequence, "media"), "video"), "track");

        assertEquals(2, tracks.size());
        assertEquals(List.of("Wide", "Later"), children(tracks.get(0), "clipitem").stream()
                .map(e -> only(e, "name").getTextContent()).toList());
        assertEquals(List.of("Close"), children(tracks.get(1), "clipitem").stream()
                .map(e -> only(e, "name").getTextContent()).toList());
        assertEquals(4, children(only(only(sequence, "media"), "audio"), "track").size());
    }
}
