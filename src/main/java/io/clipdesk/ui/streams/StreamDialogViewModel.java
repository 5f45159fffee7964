package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.ui.form.FormMessage;
import io.clipdesk.ui.timeline.GapBand;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The add / edit stream dialog: its fields, the first problem with them (found here, or the engine's own sentence
 * after a refused submit, which stays until a field changes), what an edit will cost, and the submit. Nothing is
 * lost on a refusal: the dialog stays open with what was typed. FX thread.
 */
public final class StreamDialogViewModel {

    /** The engine's stream commands, run off the FX thread; outcomes come back on it. */
    public interface Commands {
        void create(StreamDraft draft, Consumer<LiveStream> onDone, Consumer<RuntimeException> onFailure);

        void update(long streamId, StreamPatch patch, Consumer<LiveStream> onDone, Consumer<RuntimeException> onFailure);
    }

    private final Commands commands;
    private final LiveStream editing;
    private final StreamState editingState;
    private final String pushHost;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(this, "kind", SourceKind.TEST_SIGNAL);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final BooleanProperty dvrEnabled = new SimpleBooleanProperty(this, "dvrEnabled", true);
    private final ObjectProperty<Integer> dvrMinutes = new SimpleObjectProperty<>(this, "dvrMinutes",
            StreamForm.DEFAULT_DVR_MINUTES);
    private final ReadOnlyStringWrapper engineProblem = new ReadOnlyStringWrapper(this, "engineProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<LiveStream> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper createdPushUrl = new ReadOnlyStringWrapper(this, "createdPushUrl", "");
    private final ObjectBinding<StreamForm> form;
    private final StringBinding problem;
    private final StringBinding warning;
    private final ObjectBinding<FormMessage> message;
    private final BooleanBinding canSubmit;

    /**
     * @param editing      the stream to edit, or null to add one
     * @param editingState its state now (for what an edit costs), or null
     * @param pushHost     the host of push URLs shown after a push stream is created
     */
    public StreamDialogViewModel(Commands commands, LiveStream editing, StreamState editingState, String pushHost) {
        this.commands = commands;
        this.editing = editing;
        this.editingState = editingState;
        this.pushHost = pushHost;
        if (editing != null) {
            load(StreamForm.of(editing));
        }
        Observable[] fields = {name, kind, url, file, port, passphrase, dvrEnabled, dvrMinutes};
        form = Bindings.createObjectBinding(() -> new StreamForm(name.get(), kind.get(), url.get(), file.get(),
                port.get(), passphrase.get(), dvrEnabled.get(), dvrMinutes.get() == null ? 0 : dvrMinutes.get()), fields);
        form.addListener((o, was, now) -> engineProblem.set(""));
        problem = Bindings.createStringBinding(() -> !engineProblem.get().isEmpty() ? engineProblem.get()
                : form.get().problem().orElse(""), form, engineProblem);
        warning = Bindings.createStringBinding(this::warningText, form);
        message = Bindings.createObjectBinding(() -> !engineProblem.get().isEmpty()
                ? FormMessage.warning(engineProblem.get()) : !problem.get().isEmpty() ? FormMessage.hint(problem.get())
                : FormMessage.warning(warning.get()), problem, engineProblem, warning);
        canSubmit = Bindings.createBooleanBinding(() -> form.get().problem().isEmpty() && !busy.get()
                && result.get() == null && (editing == null || changes(form.get())), form, busy, result);
    }

    private void load(StreamForm f) {
        name.set(f.name());
        kind.set(f.kind());
        url.set(f.url());
        file.set(f.file());
        port.set(f.portText());
        passphrase.set(f.passphrase());
        dvrEnabled.set(f.dvrEnabled());
        dvrMinutes.set(f.dvrMinutes());
    }

    private boolean changes(StreamForm f) {
        StreamPatch patch = f.patch(editing);
        return patch.name().isPresent() || patch.dvrEnabled().isPresent() || patch.dvrDurationS().isPresent()
                || patch.source().isPresent();
    }

    /** What saving an edit throws away, in the editor's words; empty when nothing. */
    private String warningText() {
        StreamForm f = form.get();
        if (editing == null || f.problem().isPresent()) {
            return "";
        }
        List<String> costs = new ArrayList<>();
        long heldMs = editingState == null ? 0 : editingState.window().lengthMs();
        if (f.changesSource(editing)) {
            costs.add("Changing the source empties this stream's DVR: the " + GapBand.lengthText(heldMs)
                    + " recorded from the current source are deleted when you save. Clips already made stay"
                    + " until they expire." + (f.isPush() ? " The encoder must then push to the new URL." : ""));
        } else if (f.dvrMinutes() * 60_000L < heldMs && f.dvrMinutes() != StreamForm.minutes(editing.dvrDurationS())) {
            costs.add("The DVR holds " + GapBand.lengthText(heldMs) + "; a depth of " + f.dvrMinutes()
                    + " min drops the oldest " + GapBand.lengthText(heldMs - f.dvrMinutes() * 60_000L) + " at once.");
        }
        if (!f.dvrEnabled() && editing.dvrEnabled()) {
            costs.add("With the DVR off, no new clips can be made of this stream.");
        }
        return String.join(" ", costs);
    }

    /** Sends the fields to the engine; the dialog stays open until it answers, and after a refusal. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        StreamForm f = form.get();
        busy.set(true);
        Consumer<RuntimeException> refused = e -> {
            busy.set(false);
            engineProblem.set(sentence(e));
        };
        if (editing == null) {
            commands.create(f.draft(), created -> {
                busy.set(false);
                createdPushUrl.set(StreamEntry.pushUrl(created, pushHost).orElse(""));
                result.set(created);
            }, refused);
        } else {
            commands.update(editing.id(), f.patch(editing), updated -> {
                busy.set(false);
                result.set(updated);
            }, refused);
        }
    }

    /** The engine's sentence as the editor reads it: capitalised, with a full stop. */
    static String sentence(RuntimeException e) {
        String text = StreamForm.sentence(e.getMessage());
        return text.isEmpty() ? "The engine refused this stream." : text;
    }

    public boolean isEditing() { return editing != null; }
    public LiveStream editing() { return editing; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<SourceKind> kindProperty() { return kind; }
    public StringProperty urlProperty() { return url; }
    public StringProperty fileProperty() { return file; }
    public StringProperty portProperty() { return port; }
    public StringProperty passphraseProperty() { return passphrase; }
    public BooleanProperty dvrEnabledProperty() { return dvrEnabled; }
    public ObjectProperty<Integer> dvrMinutesProperty() { return dvrMinutes; }
    public ObjectBinding<StreamForm> formProperty() { return form; }
    /** The engine's refusal, else the first problem found here; empty when the fields can be sent. */
    public StringBinding problemProperty() { return problem; }
    public ReadOnlyStringProperty engineProblemProperty() { return engineProblem.getReadOnlyProperty(); }
    /** What saving an edit costs (an emptied DVR, dropped minutes); empty when nothing. */
    public StringBinding warningProperty() { return warning; }
    /**
     * The dialog's one message: the engine's refusal (a warning), else what the fields still lack (a hint), else
     * what saving would cost (a warning); nothing when the fields can be sent as they are.
     */
    public ObjectBinding<FormMessage> messageProperty() { return message; }
    public BooleanBinding canSubmitProperty() { return canSubmit; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The stream as the engine stored it, once it has. */
    public ReadOnlyObjectProperty<LiveStream> resultProperty() { return result.getReadOnlyProperty(); }
    /** After a push stream was created: the URL to paste into the encoder. */
    public ReadOnlyStringProperty createdPushUrlProperty() { return createdPushUrl.getReadOnlyProperty(); }
}
