package io.clipdesk.ui;

import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipAccuracy;
import io.clipdesk.engine.ClipDescription;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.DvrWindow;
import io.clipdesk.engine.LiveStream;
import io.clipdesk.ui.timeline.Marks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The clip form and every way of making a clip: in/out marks at the playhead, the form's fields with inline
 * validation ({@link MarkedClip}, the API's own rules), and the fast paths (last N seconds, quick markers).
 * The verdict and {@link #canCreateProperty()} are bindings, never kept in sync by hand.
 */
public final class ClipFormViewModel {

    /** How long a clip lives once it is available (the later of now and its end): the API allows 1 min to 4 h. */
    public static final List<Duration> EXPIRY_CHOICES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(4));
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Sends a checked request to the engine, off the FX thread; the outcome comes back on the FX thread. */
    public interface Submitter {
        void submit(ClipRequest request, Consumer<Clip> onCreated, Consumer<RuntimeException> onFailure);
    }

    /** Sends an adjust (the clip at new marks) to the engine, off the FX thread; the outcome on the FX thread. */
    public interface Adjuster {
        void adjust(Clip clip, long fromMs, long toMs, Consumer<Clip> onAdjusted, Consumer<RuntimeException> onFailure);
    }

    private final Submitter submitter;
    private final ZoneId zone;
    private final ObservableValue<LiveStream> stream;
    private final ObservableValue<DvrWindow> window;
    private final ObservableLongValue nowMs;
    private final ObservableLongValue playheadMs;
    private final ReadOnlyObjectWrapper<Marks> marks = new ReadOnlyObjectWrapper<>(this, "marks", Marks.CLEARED);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<Duration> expiry = new ReadOnlyObjectWrapper<>(this, "expiry", DEFAULT_EXPIRY);
    private final ReadOnlyBooleanWrapper keepVod = new ReadOnlyBooleanWrapper(this, "keepVod");
    private final ReadOnlyBooleanWrapper exactCut = new ReadOnlyBooleanWrapper(this, "exactCut");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<Clip> adjusting = new ReadOnlyObjectWrapper<>(this, "adjusting");
    private Adjuster adjuster = (clip, from, to, done, failed) -> failed.accept(
            new IllegalStateException("This desk cannot adjust clips."));
    private Consumer<Clip> onAdjusted = clip -> { };
    private final ObjectBinding<MarkedClip> verdict;
    private final StringBinding problem;
    private final BooleanBinding canCreate;
    private final BooleanBinding problemIsHint;
    private final StringBinding startText;
    private final StringBinding inText;
    private final StringBinding outText;
    private final StringBinding durationText;
    private final StringBinding defaultName;

    public ClipFormViewModel(Submitter submitter, ZoneId zone, ObservableValue<LiveStream> stream,
                             ObservableValue<DvrWindow> window, ObservableLongValue nowMs,
                             ObservableLongValue playheadMs) {
        this.submitter = submitter;
        this.zone = zone;
        this.stream = stream;
        this.window = window;
        this.nowMs = nowMs;
        this.playheadMs = playheadMs;
        verdict = Bindings.createObjectBinding(() -> stream.getValue() == null
                        ? new MarkedClip(null, "Waiting for the engine…")
                        : MarkedClip.ofMarks(marks.get(), exactCut.get(), name.get(), expiry.get(), keepVod.get(),
                        stream.getValue(), window.getValue(), nowMs.get(), zone),
                marks, exactCut, name, expiry, keepVod, stream, window, nowMs);
        problem = Bindings.createStringBinding(() -> verdict.get().problem(), verdict);
        problemIsHint = Bindings.createBooleanBinding(() -> !marks.get().isRange(), marks);
        canCreate = Bindings.createBooleanBinding(() -> verdict.get().isValid() && !busy.get(), verdict, busy);
        startText = Bindings.createStringBinding(() -> verdict.get().request() == null ? "--:--:--"
                : clock(verdict.get().request().startS().orElse(0) * 1000), verdict);
        inText = Bindings.createStringBinding(() -> marks.get().hasIn()
                ? PlaybackViewModel.timecode(marks.get().inMs(), zone) : "--:--:--:--", marks);
        outText = Bindings.createStringBinding(() -> marks.get().hasOut()
                ? PlaybackViewModel.timecode(marks.get().outMs(), zone) : "--:--:--:--", marks);
        durationText = Bindings.createStringBinding(() -> marks.get().isRange() && marks.get().lengthMs() > 0
                ? span(verdict.get().request() == null ? 0 : verdict.get().request().durationS()) : "--:--:--",
                marks, verdict);
        defaultName = Bindings.createStringBinding(() -> marks.get().hasIn()
                ? "Clip " + clock(Math.floorDiv(marks.get().inMs(), 1000) * 1000) : "Clip HH:MM:SS", marks);
    }

    public void markIn() {
        marks.set(marks.get().withIn(playheadMs.get()));
    }

    public void markOut() {
        marks.set(marks.get().withOut(playheadMs.get()));
    }

    /** An in or out handle dragged on the timeline. */
    public void editMarks(Marks edited) {
        marks.set(edited);
    }

    /** Esc: the marks go, and an adjust under way is given up (the clip stays as it was). */
    public void clearMarks() {
        marks.set(Marks.CLEARED);
        if (adjusting.get() != null) {
            notice.set("Adjust of “" + adjusting.get().name() + "” cancelled; the clip is unchanged.");
            adjusting.set(null);
            name.set("");
        }
    }

    /** How an adjust reaches the engine, and who hears of the corrected clip (the clips panel selects it). */
    public void setAdjuster(Adjuster adjuster, Consumer<Clip> onAdjusted) {
        this.adjuster = adjuster;
        this.onAdjusted = onAdjusted;
    }

    /**
     * "Adjust…": the clip's in and out back on the timeline as marks (an exact clip's own ms, else its seconds); the
     * editor moves them and confirms with Enter, or Esc leaves the clip as it is.
     */
    public void beginAdjust(Clip clip) {
        adjusting.set(clip);
        exactCut.set(clip.accuracy() == ClipAccuracy.FRAME);
        marks.set(Marks.CLEARED.withIn(clip.fromMs()).withOut(clip.toMs()));
        name.set(clip.name());
        notice.set("Adjusting “" + clip.name() + "”: move the in and out marks, then Enter; Esc leaves it as it is.");
    }

    public void setName(String text) {
        name.set(text == null ? "" : text);
    }

    public void setExpiry(Duration duration) {
        if (duration != null) {
            expiry.set(duration);
        }
    }

    public void setKeepVod(boolean keep) {
        keepVod.set(keep);
    }

    /**
     * Exact cut: a marked clip starts at the in mark's frame and ends at the out mark's (edges re-encoded), not on
     * keyframes; the fast paths, which count whole seconds, start and end on those seconds.
     */
    public void setExactCut(boolean exact) {
        exactCut.set(exact);
    }

    /** Enter: creates the clip the form shows, then clears the marks for the next one. */
    public void create() {
        if (!canCreate.get()) {
            notice.set(problem.get());
            return;
        }
        if (adjusting.get() != null) {
            finishAdjust(adjusting.get());
            return;
        }
        send(verdict.get().request(), () -> {
            marks.set(Marks.CLEARED);
            name.set("");
        });
    }

    /** The last {@code seconds} up to the live edge, in one key press. */
    public void createLast(int seconds) {
        DvrWindow w = window.getValue();
        long edgeMs = w == null || w.isEmpty() ? nowMs.get() : w.endMs();
        long endMs = Math.floorDiv(edgeMs, 1000) * 1000; // whole seconds, so the clip is exactly that long
        quick(endMs - seconds * 1000L, endMs, "Last " + seconds + " s " + clock(endMs), ClipDescription.EMPTY);
    }

    /** A quick marker: the configured rolls around the playhead, the label in the name and in the tags. */
    public void createAround(QuickMarker marker) {
        long at = playheadMs.get();
        quick(at - marker.preRollS() * 1000L, at + marker.postRollS() * 1000L, marker.label() + " " + clock(at),
                ClipDescription.EMPTY.withTags(List.of(marker.label())));
    }

    private void quick(long startMs, long endMs, String clipName, ClipDescription description) {
        LiveStream s = stream.getValue();
        if (s == null) {
            return;
        }
        MarkedClip clip = MarkedClip.of(startMs, endMs, clipName, expiry.get(), keepVod.get(), s, window.getValue(),
                nowMs.get(), zone);
        if (!clip.isValid()) {
            notice.set(clip.problem());
            return;
        }
        send(clip.request().withDescription(description), () -> { });
    }

    private void finishAdjust(Clip clip) {
        busy.set(true);
        Marks at = marks.get();
        adjuster.adjust(clip, at.inMs(), at.outMs(), adjusted -> {
            busy.set(false);
            adjusting.set(null);
            marks.set(Marks.CLEARED);
            name.set("");
            notice.set("Adjusted “" + adjusted.name() + "”: now " + span(adjusted.durationS()) + " from "
                    + clock(adjusted.fromMs()) + (adjusted.accuracy() == ClipAccuracy.FRAME ? ", exact cut" : ""));
            onAdjusted.accept(adjusted);
        }, failure -> {
            busy.set(false);
            notice.set(MarkedClip.readable(failure.getMessage(), zone));
        });
    }

    private void send(ClipRequest asked, Runnable afterCreate) {
        busy.set(true);
        ClipRequest request = asked.withAccuracy(exactCut.get() ? ClipAccuracy.FRAME : ClipAccuracy.SEGMENT);
        submitter.submit(request, created -> {
            busy.set(false);
            notice.set("Created “" + created.name() + "”, " + span(created.durationS()) + " from "
                    + clock(created.startS() * 1000) + (created.accuracy() == ClipAccuracy.FRAME ? ", exact cut" : "")
                    + (created.vodRequired() ? ", permanent copy requested" : ""));
            afterCreate.run();
        }, failure -> {
            busy.set(false);
            notice.set(MarkedClip.readable(failure.getMessage(), zone));
        });
    }

    private String clock(long ms) {
        return HMS.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    static String span(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public ReadOnlyObjectProperty<Marks> marksProperty() { return marks.getReadOnlyProperty(); }
    public Marks getMarks() { return marks.get(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    /** The clip being adjusted (its marks are on the timeline); null when the form makes a new clip. */
    public ReadOnlyObjectProperty<Clip> adjustingProperty() { return adjusting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Duration> expiryProperty() { return expiry.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty keepVodProperty() { return keepVod.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty exactCutProperty() { return exactCut.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The outcome of the last create, or why it could not be made. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Why the marked clip cannot be created; empty when it can. */
    public StringBinding problemProperty() { return problem; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    /** True while the problem is only a missing mark (a next step, not an error). */
    public BooleanBinding problemIsHintProperty() { return problemIsHint; }
    /** The start the clip will get (whole seconds, wall clock). */
    public StringBinding startTextProperty() { return startText; }
    public StringBinding inTextProperty() { return inText; }
    public StringBinding outTextProperty() { return outText; }
    public StringBinding durationTextProperty() { return durationText; }
    public StringBinding defaultNameProperty() { return defaultName; }
}
