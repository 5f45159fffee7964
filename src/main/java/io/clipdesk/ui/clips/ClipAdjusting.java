package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.ui.threads.EngineLane;

import java.util.function.Consumer;

/**
 * Changing a clip's range after the fact: on the timeline while the DVR still holds all of it (the desk puts its in
 * and out back as marks), else by trimming inside the clip's own media once it is ready.
 */
final class ClipAdjusting {

    private final DeskBackend engine;
    private final long streamId;
    private final EngineLane lane;
    private final PanelNotice notice;
    private Consumer<Clip> onTimeline;

    ClipAdjusting(DeskBackend engine, long streamId, EngineLane lane, PanelNotice notice) {
        this.engine = engine;
        this.streamId = streamId;
        this.lane = lane;
        this.notice = notice;
        this.onTimeline = clip -> notice.set("This panel is not beside a timeline to adjust on.");
    }

    /** Who puts a clip's range back on the timeline as marks (the desk beside this panel). */
    void setOnTimeline(Consumer<Clip> adjust) {
        this.onTimeline = adjust;
    }

    /**
     * "Adjust…" (A): while the DVR holds the clip's whole range its in and out go back on the timeline; otherwise the
     * panel says so and {@code offerTrim} is asked to trim inside the clip's own media instead.
     */
    void adjust(ClipItem item, Consumer<ClipItem> offerTrim) {
        if (!engine.capabilities().can(Capabilities.Feature.ADJUST)) {
            notice.set(engine.capabilities().whyNot(Capabilities.Feature.ADJUST).orElseThrow());
            return;
        }
        Clip clip = item.getClip();
        lane.call(() -> engine.state(streamId).window(), window -> {
            if (!window.isEmpty() && clip.fromMs() >= window.startMs() && clip.toMs() <= window.endMs()) {
                onTimeline.accept(clip);
                notice.set("Adjusting " + clip.name() + " on the timeline: move the marks, then Enter (Esc cancels).");
            } else if (item.phaseProperty().get() == ClipPhase.READY) {
                notice.set("The DVR no longer holds all of " + clip.name() + "; trim it inside its own media instead.");
                offerTrim.accept(item);
            } else {
                notice.set("The DVR no longer holds all of " + clip.name() + ", and it has no media to trim yet.");
            }
        }, notice::failed);
    }

    /** Trims a ready clip to [fromMs, toMs) of its own media; {@code adopt} is handed the trimmed clip. */
    void trim(ClipItem item, long fromMs, long toMs, Consumer<Clip> adopt) {
        lane.call(() -> engine.trimClip(item.id(), fromMs, toMs), trimmed -> {
            notice.set("Trimmed " + trimmed.name() + " to " + (toMs - fromMs) / 1000.0 + " s of its own media.");
            adopt.accept(trimmed);
        }, notice::failed);
    }
}
