package io.clipdesk.ui.clips.export;

import io.clipdesk.engine.clip.Clip;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The clips as a Final Cut Pro 7 XML ({@code xmeml} version 5), which Premiere and Resolve import: one sequence
 * whose timecode starts at the time of day of the first clip, each clip placed where it was live relative to that,
 * on the first video track it does not overlap (and the matching stereo audio tracks), cut from its own MP4.
 * {@code in}/{@code out} count frames inside the MP4, {@code start}/{@code end} on the sequence.
 */
final class XmemlExport {

    private XmemlExport() {
    }

    /** @param clips oldest first, at least one */
    static String of(String title, List<Clip> clips, CutTimes times, Function<Clip, String> mediaUrl) {
        Document doc = newDocument();
        Element root = doc.createElement("xmeml");
        root.setAttribute("version", "5");
        doc.appendChild(root);
        Element sequence = child(root, "sequence");
        sequence.setAttribute("id", "sequence-1");
        text(sequence, "name", title);
        long firstFrame = clips.isEmpty() ? 0 : times.timeOfDayFrame(clips.get(0));
        List<List<Element>> lanes = new ArrayList<>(); // clipitems per video track
        List<Long> laneEnds = new ArrayList<>();
        long sequenceEnd = 0;
        Element video = doc.createElement("video");
        Element audio = doc.createElement("audio");
        for (int i = 0; i < clips.size(); i++) {
            Clip clip = clips.get(i);
            long start = times.timeOfDayFrame(clip) - firstFrame;
            long end = start + times.durationFrames(clip);
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > start) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                lanes.add(new ArrayList<>());
                laneEnds.add(0L);
            }
            laneEnds.set(lane, end);
            sequenceEnd = Math.max(sequenceEnd, end);
            lanes.get(lane).add(clipItem(doc, clip, i + 1, start, end, times, mediaUrl));
        }
        text(sequence, "duration", Long.toString(sequenceEnd));
        rate(sequence, times);
        Element timecode = child(sequence, "timecode");
        rate(timecode, times);
        text(timecode, "string", times.timecode(firstFrame));
        text(timecode, "frame", Long.toString(firstFrame));
        text(timecode, "displayformat", "NDF");
        Element media = child(sequence, "media");
        media.appendChild(video);
        media.appendChild(audio);
        Element format = child(video, "format");
        rate(child(format, "samplecharacteristics"), times);
        for (List<Element> items : lanes) {
            Element track = child(video, "track");
            items.forEach(track::appendChild);
        }
        for (int channel = 1; channel <= 2; channel++) {
            for (List<Element> items : lanes) {
                Element track = child(audio, "track");
                for (Element videoItem : items) {
                    track.appendChild(audioItem(doc, videoItem, channel));
                }
            }
        }
        return write(doc);
    }

    private static Element clipItem(Document doc, Clip clip, int n, long start, long end, CutTimes times,
                                    Function<Clip, String> mediaUrl) {
        long in = times.sourceInFrame(clip);
        Element item = doc.createElement("clipitem");
        item.setAttribute("id", "clipitem-" + n);
        text(item, "name", clip.name());
        text(item, "duration", Long.toString(in + (end - start)));
        rate(item, times);
        text(item, "start", Long.toString(start));
        text(item, "end", Long.toString(end));
        text(item, "in", Long.toString(in));
        text(item, "out", Long.toString(in + (end - start)));
        Element file = child(item, "file");
        file.setAttribute("id", "file-" + n);
        String url = mediaUrl.apply(clip);
        text(file, "name", url.substring(url.lastIndexOf('/') + 1));
        text(file, "pathurl", url);
        rate(file, times);
        text(file, "duration", Long.toString(in + (end - start)));
        Element fileMedia = child(file, "media");
        child(fileMedia, "video");
        Element fileAudio = child(fileMedia, "audio");
        text(fileAudio, "channelcount", "2");
        if (!clip.description().description().isEmpty()) {
            Element comments = child(item, "comments");
            text(comments, "mastercomment1", clip.description().description());
        }
        return item;
    }

    /** The same cut on an audio track: its file by reference (the video item declared it). */
    private static Element audioItem(Document doc, Element videoItem, int channel) {
        Element item = doc.createElement("clipitem");
        item.setAttribute("id", videoItem.getAttribute("id") + "-a" + channel);
        for (String name : List.of("name", "duration", "rate", "start", "end", "in", "out")) {
            item.appendChild(videoItem.getElementsByTagName(name).item(0).cloneNode(true));
        }
        Element file = child(item, "file");
        file.setAttribute("id", ((Element) videoItem.getElementsByTagName("file").item(0)).getAttribute("id"));
        Element source = child(item, "sourcetrack");
        text(source, "mediatype", "audio");
        text(source, "trackindex", Integer.toString(channel));
        return item;
    }

    private static void rate(Element parent, CutTimes times) {
        Element rate = child(parent, "rate");
        text(rate, "timebase", Integer.toString(times.fps()));
        text(rate, "ntsc", "FALSE");
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML builder is always configured", e);
        }
    }

    private static String write(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("a built DOM always serializes", e);
        }
    }
}
