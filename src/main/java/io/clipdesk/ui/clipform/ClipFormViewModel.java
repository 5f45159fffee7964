package io.clipdesk.ui.clipform;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.ui.dvr.DeliveredCut;
import io.clipdesk.ui.dvr.SegmentIndex;
import io.clipdesk.ui.form.FormMessage;
import io.clipdesk.ui.form.Timecode;
import io.clipdesk.ui.quick.QuickMarker;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The clip form and every way of making a clip: in/out marks at the playhead, the form's fields with inline
 * validation ({@link MarkedClip}, the API's own rules), and the fast paths (last N seconds, quick markers).
 * The verdict and {@link #canCreateProperty()} are bindings, never kept in sync by hand. The form has one message:
 * the outcome of the last action (created, refused, clipped to the DVR) until any input changes, else what the
 * marks lack or break. Start and duration show what the clip will deliver in the chosen cut mode: the marks to the
 * frame for an exact cut, the covering keyframe segments otherwise.
 */
public final class ClipFormViewModel {

    /** How long a clip lives once it is available (the later of now and its end): the API allows 1 min to 4 h. */
    public static final List<Duration> EXPIRY_CHOICES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(4));
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Which mark the nudge keys move: the one set or typed last. */
    public enum Side { IN, OUT }

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
    private final ObservableValue<SegmentIndex> segments;
    private final long segmentDurationMs;
    private final ReadOnlyObjectWrapper<Side> activeSide = new ReadOnlyObjectWrapper<>(this, "activeSide", Side.IN);
    private final ReadOnlyObjectWrapper<FormMessage> outcome = new ReadOnlyObjectWrapper<>(this, "outcome",
            FormMessage.NONE);
    private final ObjectBinding<FormMessage> message;
    private final ObjectBinding<Optional<DeliveredCut>> delivered;
    private final ReadOnlyObjectWrapper<Marks> marks = new ReadOnlyObjectWrapper<>(this, "marks", Marks.CLEARED);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<Duration> expiry = new ReadOnlyObjectWrapper<>(this, "expiry", DEFAULT_EXPIRY);
    private final ReadOnlyBooleanWrapper keepVod = new ReadOnlyBooleanWrapper(this, "keepVod");
    /** Exact by default: editors mark frames and expect those frames. */
    private final ReadOnlyBooleanWrapper exactCut = new ReadOnlyBooleanWrapper(this, "exactCut", true);
    private java.util.Optional<String> exactCutUnavailable = java.util.Optional.empty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Clip> adjusting = new ReadOnlyObjectWrapper<>(this, "adjusting");
    private Adjuster adjuster = (clip, from, to, done, failed) -> failed.accept(
            new IllegalStateException("This desk cannot adjust clips."));
    private Consumer<Clip> onAdjusted = clip -> { };
    private final MarkEditor markEditor;
    private final ObjectBinding<MarkedClip> verdict;
    private final StringBinding problem;
    private final BooleanBinding canCreate;
    private final BooleanBinding problemIsHint;
    private final StringBinding startText;
    private final StringBinding inText;
    private final StringBinding outText;
    private final StringBinding durationText;
    private final StringBinding defaultName;

    /** A form without the DVR's segments: a segment cut is shown on its whole seconds. */
    public ClipFormViewModel(Submitter submitter, ZoneId zone, ObservableValue<LiveStream> stream,
                             ObservableValue<DvrWindow> window, ObservableLongValue nowMs,
                             ObservableLongValue playheadMs) {
        this(submitter, zone, stream, window, nowMs, playheadMs, new SimpleObjectProperty<>(SegmentIndex.EMPTY), 0);
    }

    /**
     * @param segments          the DVR's segments, which a segment cut delivers whole
     * @param segmentDurationMs the DVR's cadence, for the part of a range not recorded yet
     */
    public ClipFormViewModel(Submitter submitter, ZoneId zone, ObservableValue<LiveStream> stream,
                             ObservableValue<DvrWindow> window, ObservableLongValue nowMs,
                             ObservableLongValue playheadMs, ObservableValue<SegmentIndex> segments,
                             long segmentDurationMs) {
        this.submitter = submitter;
        this.zone = zone;
        this.stream = stream;
        this.window = window;
        this.nowMs = nowMs;
        this.playheadMs = playheadMs;
        this.segments = segments;
        this.segmentDurationMs = segmentDurationMs;
        this.markEditor = new MarkEditor(marks, activeSide, playheadMs, zone, outcome::set);
        verdict = Bindings.createObjectBinding(() -> stream.getValue() == null
                        ? new MarkedClip(null, "Waiting for the engine…")
                        : MarkedClip.ofMarks(marks.get(), exactCut.get(), name.get(), expiry.get(), keepVod.get(),
                        stream.getValue(), window.getValue(), nowMs.get(), zone),
                marks, exactCut, name, expiry, keepVod, stream, window, nowMs);
        problem = Bindings.createStringBinding(() -> verdict.get().problem(), verdict);
        problemIsHint = Bindings.createBooleanBinding(() -> !marks.get().isRange(), marks);
        canCreate = Bindings.createBooleanBinding(() -> verdict.get().isValid() && !busy.get(), verdict, busy);
        message = Bindings.createObjectBinding(() -> !outcome.get().isEmpty() ? outcome.get()
                : problemIsHint.get() ? FormMessage.hint(problem.get()) : FormMessage.warning(problem.get()),
                outcome, problem, problemIsHint);
        delivered = Bindings.createObjectBinding(() -> Optional.ofNullable(verdict.get().request())
                .filter(r -> verdict.get().isValid()).map(this::deliveredBy), verdict, segments);
        startText = Bindings.createStringBinding(() -> delivered.get()
                .map(d -> Timecode.format(d.startMs(), zone)).orElse("--:--:--:--"), delivered);
        inText = Bindings.createStringBinding(() -> marks.get().hasIn()
                ? Timecode.format(marks.get().inMs(), zone) : "", marks);
        outText = Bindings.createStringBinding(() -> marks.get().hasOut()
                ? Timecode.format(marks.get().outMs(), zone) : "", marks);
        durationText = Bindings.createStringBinding(() -> delivered.get()
                .map(d -> Timecode.length(d.lengthMs())).orElse("-:--.-"), delivered);
        defaultName = Bindings.createStringBinding(() -> marks.get().hasIn()
                ? "Clip " + clock(Math.floorDiv(marks.get().inMs(), 1000) * 1000) : "Clip HH:MM:SS", marks);
        // Any change of input makes the last outcome stale: it goes, and the verdict on the new input shows.
        marks.addListener((o, was, now) -> outcome.set(FormMessage.NONE));
        name.addListener((o, was, now) -> outcome.set(FormMessage.NONE));
        expiry.addListener((o, was, now) -> outcome.set(FormMessage.NONE));
        keepVod.addListener((o, was, now) -> outcome.set(FormMessage.NONE));
        exactCut.addListener((o, was, now) -> outcome.set(FormMessage.NONE));
    }

    /** What a checked request will deliver: its exact marks, or the DVR segments over its seconds. */
    private DeliveredCut deliveredBy(ClipRequest r) {
        DvrWindow w = window.getValue();
        long tailMs = w == null || w.isEmpty() ? Long.MIN_VALUE : w.startMs();
        if (r.exactRange().isPresent()) {
            return DeliveredCut.exact(Math.max(tailMs, r.exactRange().get().fromMs()), r.exactRange().get().toMs());
        }
        long fromMs = r.startS().orElse(0) * 1000;
        return DeliveredCut.ofSegments(Math.max(tailMs, fromMs), fromMs + r.durationS() * 1000,
                segments.getValue(), segmentDurationMs);
    }

    public void markIn() {
        markEditor.markIn();
    }

    public void markOut() {
        markEditor.markOut();
    }

    /**
     * A typed in or out mark (HH:MM:SS.ff or HH:MM:SS.mmm, wall clock, on the day nearest the picture shown);
     * false, with a warning in the message area, when the text is not a time of day. Blank clears the mark.
     */
    public boolean typeMark(Side side, String text) {
        return markEditor.type(side, text);
    }

    /** [ and ]: moves the active mark by {@code deltaMs} (a frame, or with Shift a second). */
    public void nudge(long deltaMs) {
        markEditor.nudge(deltaMs);
    }

    /** ↑/↓ in a mark field: moves that mark by {@code deltaMs}. */
    public void nudgeSide(Side side, long deltaMs) {
        markEditor.nudgeSide(side, deltaMs);
    }

    /** The mark Shift+I / Shift+O go to, or empty (with a hint) when it is not set. */
    public Optional<Long> markToGoTo(Side side) {
        return markEditor.markToGoTo(side);
    }

    /** A text field of the form was edited: the last outcome no longer applies. */
    public void inputChanged() {
        outcome.set(FormMessage.NONE);
    }

    /** An in or out handle dragged on the timeline. */
    public void editMarks(Marks edited) {
        markEditor.edit(edited);
    }

    /** Esc: the marks go, and an adjust under way is given up (the clip stays as it was). */
    public void clearMarks() {
        marks.set(Marks.CLEARED);
        Clip given = adjusting.get();
        if (given != null) {
            adjusting.set(null);
            name.set("");
            outcome.set(FormMessage.done("Adjust of “" + given.name() + "” cancelled; the clip is unchanged."));
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
        setExactCut(clip.accuracy() == ClipAccuracy.FRAME);
        marks.set(Marks.CLEARED.withIn(clip.fromMs()).withOut(clip.toMs()));
        name.set(clip.name());
        outcome.set(FormMessage.hint("Adjusting “" + clip.name() + "”: move the in and out marks, then Enter; Esc"
                + " leaves it as it is."));
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
        exactCut.set(exact && exactCutUnavailable.isEmpty());
    }

    /**
     * The backend cannot cut to the frame, for {@code why}: the form cuts on segments (and says what that delivers),
     * and the view greys the toggle with the reason instead of a refusal at Create.
     */
    public void setExactCutUnavailable(String why) {
        exactCutUnavailable = java.util.Optional.of(why);
        exactCut.set(false);
    }

    /** Why this backend cannot cut to the frame; empty when it can. */
    public java.util.Optional<String> exactCutUnavailable() {
        return exactCutUnavailable;
    }

    /** Enter: creates the clip the form shows, then clears the marks for the next one. */
    public void create() {
        if (!canCreate.get()) {
            outcome.set(FormMessage.warning(problem.get()));
            return;
        }
        if (adjusting.get() != null) {
            finishAdjust(adjusting.get());
            return;
        }
        Marks m = marks.get();
        send(verdict.get().request(), ClipOutcome.tailCaveat(window.getValue(), m.inMs(), m.outMs(), zone), () -> {
            marks.set(Marks.CLEARED);
            name.set("");
        });
    }

    /**
     * The last {@code seconds} up to the picture on screen (not the live edge, which runs ahead of it), in one key
     * press. A range reaching past the DVR's oldest picture is clipped to what it holds, and the notice says so.
     */
    public void createLast(int seconds) {
        long endMs = playheadMs.get();
        if (!exactCut.get()) {
            endMs = Math.floorDiv(endMs, 1000) * 1000; // whole seconds, so a segment clip is asked exactly that long
        }
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
        DvrWindow w = window.getValue();
        String clipped = ClipOutcome.tailCaveat(w, startMs, endMs, zone);
        long fromMs = clipped.isEmpty() ? startMs : w.startMs();
        MarkedClip clip = MarkedClip.of(fromMs, endMs, exactCut.get(), clipName, expiry.get(), keepVod.get(), s, w,
                nowMs.get(), zone);
        if (!clip.isValid()) {
            outcome.set(FormMessage.warning(clip.problem()));
            return;
        }
        send(clip.request().withDescription(description), clipped, () -> { });
    }

    private void finishAdjust(Clip clip) {
        busy.set(true);
        Marks at = marks.get();
        adjuster.adjust(clip, at.inMs(), at.outMs(), adjusted -> {
            busy.set(false);
            adjusting.set(null);
            marks.set(Marks.CLEARED);
            name.set("");
            outcome.set(ClipOutcome.adjusted(adjusted, zone));
            onAdjusted.accept(adjusted);
        }, failure -> {
            busy.set(false);
            outcome.set(FormMessage.warning(MarkedClip.readable(failure.getMessage(), zone)));
        });
    }

    /**
     * @param caveat what the clip lacks of what was asked (empty: nothing), said after the outcome, which is then
     *               a warning
     */
    private void send(ClipRequest asked, String caveat, Runnable afterCreate) {
        busy.set(true);
        ClipRequest request = asked.withAccuracy(exactCut.get() ? ClipAccuracy.FRAME : ClipAccuracy.SEGMENT);
        DeliveredCut cut = deliveredBy(request);
        submitter.submit(request, created -> {
            busy.set(false);
            afterCreate.run();
            outcome.set(ClipOutcome.created(created, cut, caveat, zone));
        }, failure -> {
            busy.set(false);
            outcome.set(FormMessage.warning(MarkedClip.readable(failure.getMessage(), zone)));
        });
    }

    private String clock(long ms) {
        return HMS.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    public static String span(long seconds) {
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
    /** The outcome of the last action, or why it could not be done; empty once any input changed since. */
    public String getNotice() { return outcome.get().text(); }
    /** The form's one message: the last outcome, else the hint or refusal for the marks as they are. */
    public ObjectBinding<FormMessage> messageProperty() { return message; }
    /** What the marked clip will deliver, when it can be created. */
    public ObjectBinding<Optional<DeliveredCut>> deliveredProperty() { return delivered; }
    public ReadOnlyObjectProperty<Side> activeSideProperty() { return activeSide.getReadOnlyProperty(); }
    /** Why the marked clip cannot be created; empty when it can. */
    public StringBinding problemProperty() { return problem; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    /** True while the problem is only a missing mark (a next step, not an error). */
    public BooleanBinding problemIsHintProperty() { return problemIsHint; }
    /** Where the delivered media starts (HH:MM:SS:FF, wall clock). */
    public StringBinding startTextProperty() { return startText; }
    public StringBinding inTextProperty() { return inText; }
    public StringBinding outTextProperty() { return outText; }
    /** How long the delivered media is (M:SS.t). */
    public StringBinding durationTextProperty() { return durationText; }
    public StringBinding defaultNameProperty() { return defaultName; }
}
