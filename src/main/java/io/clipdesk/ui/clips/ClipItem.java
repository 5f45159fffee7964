package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.form.Timecode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableLongValue;

import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row of the clips list: the engine's latest record of the clip (replaced at each poll, so a selected row
 * stays selected) and the state line derived from it and the engine's clock.
 */
public final class ClipItem {

    private final ReadOnlyObjectWrapper<Clip> clip;
    private final ReadOnlyObjectWrapper<Optional<VideoStatus>> vod = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObjectBinding<ClipCountdown> countdown;
    private final StringBinding stateText;
    private final DoubleBinding progress;
    private final ObjectBinding<ClipPhase> phase;
    private final StringBinding details;
    private final StringBinding vodText;
    private final BooleanBinding canKeep;

    ClipItem(Clip initial, ObservableLongValue nowMs, int segmentDurationMs, ZoneId zone) {
        clip = new ReadOnlyObjectWrapper<>(this, "clip", initial);
        countdown = Bindings.createObjectBinding(() -> ClipCountdown.of(clip.get(), nowMs.get(), segmentDurationMs),
                clip, nowMs);
        stateText = Bindings.createStringBinding(() -> countdown.get().text(), countdown);
        progress = Bindings.createDoubleBinding(() -> countdown.get().progress(), countdown);
        phase = Bindings.createObjectBinding(() -> countdown.get().phase(), countdown);
        details = Bindings.createStringBinding(() -> details(clip.get(), zone), clip);
        vodText = Bindings.createStringBinding(() -> !clip.get().hasVideo() ? ""
                : "VOD " + vod.get().map(VideoStatus::wire).orElse(VideoStatus.PENDING.wire()), clip, vod);
        canKeep = Bindings.createBooleanBinding(() -> !clip.get().hasVideo()
                && (phase.get() == ClipPhase.RECORDING || phase.get() == ClipPhase.READY), clip, phase);
    }

    void update(Clip latest, Optional<Video> video) {
        if (!latest.equals(clip.get())) { // each change is a list update the filter re-tests; polls repeat the same
            clip.set(latest);
        }
        vod.set(video.map(Video::status));
    }

    public String id() {
        return clip.get().id();
    }

    public Clip getClip() {
        return clip.get();
    }

    public ReadOnlyObjectProperty<Clip> clipProperty() {
        return clip.getReadOnlyProperty();
    }

    /** "recording · ready in 0:23", "ready · expires in 0:59:12", "failed: reason", "expired". */
    public StringBinding stateTextProperty() {
        return stateText;
    }

    /** The recorded share while recording (0–1), else 1. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    public ObjectBinding<ClipPhase> phaseProperty() {
        return phase;
    }

    /**
     * "14:32:10:04 · 0:30.0 · 360p 720p · by Ana": where the delivered media starts, how long it is, renditions, and
     * which editor made it (on a shared server the list holds everyone's clips).
     */
    public StringBinding detailsProperty() {
        return details;
    }

    /** "#Goal #home team", the tags as the list shows them; empty without tags. */
    static String tagLine(Clip clip) {
        return clip.description().tags().stream().map(t -> "#" + t).collect(Collectors.joining(" "));
    }

    /** "VOD pending", "VOD ready", "VOD error", or empty without a permanent video. */
    public StringBinding vodTextProperty() {
        return vodText;
    }

    /** Whether "keep permanent" applies: a live clip without a permanent video yet. */
    public BooleanBinding canKeepProperty() {
        return canKeep;
    }

    private static String details(Clip clip, ZoneId zone) {
        boolean cut = clip.cutEndMs() > clip.cutStartMs();
        // Known once delivered; before, an exact clip will deliver its marks and a segment clip about its seconds.
        String about = cut || clip.exactRange().isPresent() ? "" : "≈";
        return Timecode.format(deliveredStartMs(clip), zone) + " · " + about
                + Timecode.length(deliveredLengthMs(clip)) + " · "
                + clip.renditions().stream().map(r -> MediaLinks.height(r) + "p").collect(Collectors.joining(" "))
                + (clip.description().createdBy().isBlank() ? "" : " · by " + clip.description().createdBy());
    }

    /** Where the clip's media starts (wall clock): its delivered cut, or until then the start it was asked for. */
    static long deliveredStartMs(Clip clip) {
        return clip.cutEndMs() > clip.cutStartMs() ? clip.cutStartMs() : clip.fromMs();
    }

    /** How long the clip's MP4 is: the delivered cut less the media a source gap left out, or until known the asked. */
    static long deliveredLengthMs(Clip clip) {
        return clip.cutEndMs() > clip.cutStartMs() ? clip.mediaMs() : clip.toMs() - clip.fromMs();
    }
}
