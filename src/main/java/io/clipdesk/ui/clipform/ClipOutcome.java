package io.clipdesk.ui.clipform;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.ui.dvr.DeliveredCut;
import io.clipdesk.ui.form.FormMessage;
import io.clipdesk.ui.form.Timecode;

import java.time.ZoneId;

/** What the form says once a clip is made or adjusted: what it delivers, and what it lacks of what was asked. */
final class ClipOutcome {

    private ClipOutcome() {
    }

    /** What a range loses to the DVR's tail, as a sentence; empty when the DVR holds all of it (or none). */
    static String tailCaveat(DvrWindow w, long startMs, long endMs, ZoneId zone) {
        if (w == null || w.isEmpty() || startMs >= w.startMs() || endMs <= w.startMs()) {
            return "";
        }
        return " The DVR holds only the part from " + Timecode.format(w.startMs(), zone) + ": the first "
                + Timecode.length(w.startMs() - startMs) + " asked for were cut.";
    }

    /** @param caveat what the clip lacks of what was asked (empty: nothing), which makes the outcome a warning */
    static FormMessage created(Clip created, DeliveredCut cut, String caveat, ZoneId zone) {
        String text = "Created “" + created.name() + "”, " + Timecode.length(cut.lengthMs()) + " from "
                + Timecode.format(cut.startMs(), zone)
                + (created.accuracy() == ClipAccuracy.FRAME ? ", exact cut" : ", cut on keyframes")
                + (created.vodRequired() ? ", permanent copy requested" : "") + "." + caveat;
        return caveat.isEmpty() ? FormMessage.done(text) : FormMessage.warning(text);
    }

    static FormMessage adjusted(Clip adjusted, ZoneId zone) {
        return FormMessage.done("Adjusted “" + adjusted.name() + "”: now "
                + Timecode.length(adjusted.toMs() - adjusted.fromMs()) + " from "
                + Timecode.format(adjusted.fromMs(), zone)
                + (adjusted.accuracy() == ClipAccuracy.FRAME ? ", exact cut" : ""));
    }
}
