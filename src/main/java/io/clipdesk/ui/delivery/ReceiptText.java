package io.clipdesk.ui.delivery;

import io.clipdesk.engine.delivery.Delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A delivery's receipt in the editor's words: one line, with the destination's own answer. */
final class ReceiptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ReceiptText() {
    }

    static String of(Delivery d, ZoneId zone) {
        String text = switch (d.status()) {
            case WAITING -> "waits for the clip to be ready";
            case SENDING -> "sending · " + Math.round(d.progress() * 100) + " %"
                    + (d.attempts() > 1 ? " (attempt " + d.attempts() + ")" : "");
            case RETRYING -> "tries again at " + at(d.nextAttemptAtMs(), zone) + " · " + d.answer();
            case SENT -> "sent " + at(d.updatedAtMs(), zone) + " · " + d.answer();
            case FAILED -> "failed · " + d.answer();
        };
        if (d.interruptions() > 0 && d.status().finished()) {
            text += " · resumed after Clipdesk stopped mid-send";
        }
        if (!d.byHand()) {
            text += " · auto (" + d.origin() + ")";
        }
        return text;
    }

    private static String at(long ms, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
