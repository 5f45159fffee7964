package io.clipdesk.ui.clips.export;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.clip.Clip;

import java.util.List;
import java.util.function.Function;

/**
 * The clips as a CMX 3600 edit decision list: one cut event per clip, video and two audio channels ({@code AA/V}),
 * source timecode inside the clip's own MP4 (which has none of its own, so it starts at 00:00:00:00), record
 * timecode the time of day the moment was live. Premiere and Resolve find the media by the {@code FROM CLIP NAME}
 * and {@code SOURCE FILE} remarks. Clips that overlap in time overlap on the record side too: the list is a log of
 * moments, not a finished programme.
 */
final class EdlExport {

    /** CMX 3600 numbers events with three digits. */
    static final int MAX_EVENTS = 999;
    private static final String REEL = "AX"; // "auxiliary source": the file named in the remarks

    private EdlExport() {
    }

    /** @param clips oldest first; @param mediaUrl where each clip's MP4 is */
    static String of(String title, List<Clip> clips, CutTimes times, Function<Clip, String> mediaUrl) {
        if (clips.size() > MAX_EVENTS) {
            throw new InvalidRequestException("An EDL holds at most " + MAX_EVENTS + " clips; filter the list to "
                    + "fewer than " + clips.size() + ".");
        }
        StringBuilder out = new StringBuilder();
        out.append("TITLE: ").append(oneLine(title)).append("\r\n");
        out.append("FCM: NON-DROP FRAME\r\n\r\n");
        int number = 1;
        for (Clip clip : clips) {
            long sourceIn = times.sourceInFrame(clip);
            long length = times.durationFrames(clip);
            long recordIn = times.timeOfDayFrame(clip);
            out.append(String.format("%03d  %-8s %-5s %-8s %s %s %s %s\r\n", number++, REEL, "AA/V", "C",
                    times.timecode(sourceIn), times.timecode(sourceIn + length), times.timecode(recordIn),
                    times.timecode(recordIn + length)));
            out.append("* FROM CLIP NAME: ").append(oneLine(clip.name())).append("\r\n");
            out.append("* SOURCE FILE: ").append(oneLine(mediaUrl.apply(clip))).append("\r\n");
            if (!clip.description().tags().isEmpty()) {
                out.append("* COMMENT: ").append(oneLine(String.join(", ", clip.description().tags()))).append("\r\n");
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
