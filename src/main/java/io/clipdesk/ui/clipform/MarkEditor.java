package io.clipdesk.ui.clipform;

import io.clipdesk.ui.clipform.ClipFormViewModel.Side;
import io.clipdesk.ui.form.FormMessage;
import io.clipdesk.ui.form.Timecode;
import io.clipdesk.ui.timeline.Marks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableLongValue;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The in and out marks as the editor sets them: at the playhead, typed, nudged by a frame or a second, dragged on the
 * timeline; and which of the two the nudge keys move (the one set or typed last). What cannot be done is said as a
 * hint or warning for the form's message. FX thread.
 */
final class MarkEditor {

    private final ReadOnlyObjectWrapper<Marks> marks;
    private final ReadOnlyObjectWrapper<Side> activeSide;
    private final ObservableLongValue playheadMs;
    private final ZoneId zone;
    private final Consumer<FormMessage> say;

    MarkEditor(ReadOnlyObjectWrapper<Marks> marks, ReadOnlyObjectWrapper<Side> activeSide,
               ObservableLongValue playheadMs, ZoneId zone, Consumer<FormMessage> say) {
        this.marks = marks;
        this.activeSide = activeSide;
        this.playheadMs = playheadMs;
        this.zone = zone;
        this.say = say;
    }

    void markIn() {
        activeSide.set(Side.IN);
        marks.set(marks.get().withIn(playheadMs.get()));
    }

    void markOut() {
        activeSide.set(Side.OUT);
        marks.set(marks.get().withOut(playheadMs.get()));
    }

    /**
     * A typed in or out mark (HH:MM:SS.ff or HH:MM:SS.mmm, wall clock, on the day nearest the picture shown);
     * false, with a warning in the message area, when the text is not a time of day. Blank clears the mark.
     */
    boolean type(Side side, String text) {
        activeSide.set(side);
        if (text == null || text.isBlank()) {
            marks.set(side == Side.IN ? marks.get().withIn(Marks.NONE) : marks.get().withOut(Marks.NONE));
            return true;
        }
        Optional<Long> ms = Timecode.parse(text, zone, playheadMs.get());
        if (ms.isEmpty()) {
            say.accept(FormMessage.warning("“" + text.strip() + "” is not a time of day: type HH:MM:SS.ff (frames)"
                    + " or HH:MM:SS.mmm (milliseconds)."));
            return false;
        }
        marks.set(side == Side.IN ? marks.get().withIn(ms.get()) : marks.get().withOut(ms.get()));
        return true;
    }

    /** [ and ]: moves the active mark by {@code deltaMs} (a frame, or with Shift a second). */
    void nudge(long deltaMs) {
        Marks m = marks.get();
        if (activeSide.get() == Side.OUT && m.hasOut()) {
            marks.set(m.withOut(m.outMs() + deltaMs));
        } else if (m.hasIn()) {
            activeSide.set(Side.IN);
            marks.set(m.withIn(m.inMs() + deltaMs));
        } else if (m.hasOut()) {
            activeSide.set(Side.OUT);
            marks.set(m.withOut(m.outMs() + deltaMs));
        } else {
            say.accept(FormMessage.hint("Set a mark first (I or O), then [ and ] move it by a frame."));
        }
    }

    /** ↑/↓ in a mark field: moves that mark by {@code deltaMs}. */
    void nudgeSide(Side side, long deltaMs) {
        Marks m = marks.get();
        if (side == Side.IN ? !m.hasIn() : !m.hasOut()) {
            say.accept(FormMessage.hint("Set the " + (side == Side.IN ? "in" : "out") + " point first."));
            return;
        }
        activeSide.set(side);
        marks.set(side == Side.IN ? m.withIn(m.inMs() + deltaMs) : m.withOut(m.outMs() + deltaMs));
    }

    /** The mark Shift+I / Shift+O go to, or empty (with a hint) when it is not set. */
    Optional<Long> markToGoTo(Side side) {
        Marks m = marks.get();
        boolean set = side == Side.IN ? m.hasIn() : m.hasOut();
        if (!set) {
            say.accept(FormMessage.hint("No " + (side == Side.IN ? "in" : "out") + " point to go to yet."));
            return Optional.empty();
        }
        activeSide.set(side);
        return Optional.of(side == Side.IN ? m.inMs() : m.outMs());
    }

    /** An in or out handle dragged on the timeline. */
    void edit(Marks edited) {
        Marks was = marks.get();
        if (edited.outMs() != was.outMs() && edited.inMs() == was.inMs()) {
            activeSide.set(Side.OUT);
        } else if (edited.inMs() != was.inMs()) {
            activeSide.set(Side.IN);
        }
        marks.set(edited);
    }
}
