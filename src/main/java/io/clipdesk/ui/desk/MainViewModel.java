package io.clipdesk.ui.desk;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.delivery.AutoSend;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.dvr.DvrIndex;
import io.clipdesk.ui.dvr.DvrWaveform;
import io.clipdesk.ui.dvr.SegmentIndex;
import io.clipdesk.ui.dvr.WaveformPyramid;
import io.clipdesk.ui.player.DvrPlayer;
import io.clipdesk.ui.player.SoundTrack;
import io.clipdesk.ui.quick.QuickMarker;
import io.clipdesk.ui.quick.QuickMarkerSettings;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import io.clipdesk.ui.timeline.ClipBand;
import io.clipdesk.ui.timeline.ThumbnailCache;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The editor's desk for one stream of the engine a {@link DeskBackend} drives (embedded or remote): the DVR as the UI knows it, the player,
 * the clip form, the status bar and the quick markers. Owns the UI's threads ({@code ui-engine} for engine
 * calls and a once-a-second poll, {@code dvr-player-N}) and the engine listener; {@link #close()} ends them.
 */
public final class MainViewModel implements AutoCloseable {

    private static final long POLL_MS = 1000;
    static final String EXACT_CUT_KEY = "ui.form.exactCut";

    private final DeskBackend engine;
    private final long streamId;
    private final FxBridge bridge;
    private final EngineLane lane;
    /** A desk shown without a clips panel beside it (tests of the desk alone) has no selection to adjust. */
    private Runnable adjustSelected = () -> { };
    private final DvrIndex index;
    private final DvrWaveform sound;
    private final SegmentListener healthListener;
    private final PlaybackViewModel playback;
    private final ClipFormViewModel form;
    private final StatusViewModel status;
    private ChangeFeed.Subscription following = () -> { };
    private final ThumbnailCache thumbnails;
    private final ReadOnlyObjectWrapper<LiveStream> stream = new ReadOnlyObjectWrapper<>(this, "stream");
    private final ReadOnlyObjectWrapper<SegmentIndex> segments = new ReadOnlyObjectWrapper<>(this, "segments", SegmentIndex.EMPTY);
    private final ReadOnlyObjectWrapper<DvrWindow> window = new ReadOnlyObjectWrapper<>(this, "window", DvrWindow.EMPTY);
    private final ReadOnlyObjectWrapper<WaveformPyramid> waveform =
            new ReadOnlyObjectWrapper<>(this, "waveform", WaveformPyramid.EMPTY);
    private final ReadOnlyLongWrapper nowMs = new ReadOnlyLongWrapper(this, "nowMs");
    private final ReadOnlyObjectWrapper<List<Clip>> clips = new ReadOnlyObjectWrapper<>(this, "clips", List.of());
    private final ReadOnlyObjectWrapper<List<ClipBand>> clipBands = new ReadOnlyObjectWrapper<>(this, "clipBands", List.of());
    private final ObservableList<QuickMarker> quickMarkers = FXCollections.observableArrayList(QuickMarker.PRESETS);
    /** Kept: a read-only view made per call listens weakly, so the quick bar's listener would go with it. */
    private final ObservableList<QuickMarker> readOnlyQuickMarkers = FXCollections.unmodifiableObservableList(quickMarkers);
    private final AtomicLong polls = new AtomicLong();
    private final LongBinding dvrLengthMs;

    public MainViewModel(DeskBackend engine, FrameDecoder decoder, long streamId, FxBridge bridge) {
        this.engine = engine;
        this.streamId = streamId;
        this.bridge = bridge;
        this.lane = new EngineLane(bridge);
        LiveStream initial = engine.stream(streamId);
        stream.set(initial);
        nowMs.set(engine.clock().millis());
        Runnable indexChanged = bridge.coalescing(this::indexChanged);
        this.index = new DvrIndex(streamId, indexChanged);
        this.sound = new DvrWaveform(streamId, engine, bridge.coalescing(this::waveformChanged));
        this.healthListener = new SegmentListener() {
            @Override
            public void onSegment(Segment segment) {
            }

            @Override
            public void onHealth(long id, SourceHealth health, String detail) {
                if (id == streamId) {
                    lane.run(MainViewModel.this::poll);
                }
            }

            @Override
            public void onDvrChanged(long id) {
                if (id == streamId) {
                    // A push source adopting its own picture size changes the renditions and empties the DVR.
                    lane.run(() -> current().ifPresent(s -> bridge.run(() -> stream.set(s))));
                }
            }
        };
        Rendition small = initial.renditions().stream().min(Comparator.comparingInt(Rendition::height)).orElseThrow();
        PlaybackViewModel[] self = new PlaybackViewModel[1];
        LongFunction<SegmentMedia> segmentFile = seq -> engine.segment(streamId, small.name(), seq);
        Supplier<Optional<LiveSegment>> liveSegment = () -> engine.liveSegment(streamId, small.name());
        SoundTrack sound = new SoundTrack(streamId, decoder.sound(), index::snapshot, segmentFile, liveSegment,
                2L * engine.segmentDurationMs(), engine.clock(),
                note -> bridge.run(() -> self[0].noteSound(note)));
        DvrPlayer player = new DvrPlayer(streamId, decoder, index::snapshot, segmentFile,
                liveSegment, small.width(), small.height(),
                engine.segmentDurationMs(), engine.clock(),
                bridge.coalescing(() -> self[0].refresh()), sound);
        this.playback = new PlaybackViewModel(player, sound, engine.zone(), window);
        self[0] = playback;
        this.form = new ClipFormViewModel(this::submit, engine.zone(), stream, window, nowMs,
                playback.positionMsProperty(), segments, engine.segmentDurationMs());
        engine.capabilities().whyNot(Capabilities.Feature.EXACT_CUT).ifPresent(form::setExactCutUnavailable);
        this.dvrLengthMs = Bindings.createLongBinding(() -> window.get().lengthMs(), window);
        this.status = new StatusViewModel(playback.statusProperty(), playback.soundNoteProperty(), dvrLengthMs,
                stream);
        status.setEngineAddress(engine.describe());
        this.thumbnails = new ThumbnailCache(seq -> engine.thumbnail(streamId, seq), bridge::run, 160, 90, 600);
    }

    /** Loads the DVR, starts the player at the live edge and the once-a-second poll. */
    public void start() {
        engine.addListener(index);
        engine.addListener(healthListener);
        following = engine.changes().follow(change -> {
            switch (change.subject()) {
                // Told on the feed's thread: the sentence is read there and shown on the FX thread.
                case CONNECTION -> {
                    String trouble = engine.changes().trouble();
                    bridge.run(() -> status.setConnectionTrouble(trouble));
                    if (trouble.isEmpty()) {
                        lane.run(this::poll); // back: the figures now, not after the poll's back-off
                    }
                }
                // The engine came back without being able to say what changed meanwhile: the whole DVR again.
                case ALL -> lane.run(() -> {
                    index.takeStale();
                    index.reload(engine.segments(streamId, 0, Long.MAX_VALUE));
                    poll();
                });
                default -> { }
            }
        });
        lane.call(() -> QuickMarkerSettings.load(engine), quickMarkers::setAll, e -> { });
        lane.call(() -> SoundSettings.load(engine), this::keepSoundSettings, e -> { });
        lane.call(() -> engine.setting(EXACT_CUT_KEY).map(Boolean::parseBoolean).orElse(true), this::keepCutMode,
                e -> { });
        lane.run(() -> {
            index.takeStale();
            index.reload(engine.segments(streamId, 0, Long.MAX_VALUE));
            playback.start();
        });
        lane.poll("the desk's status (" + engine.describe() + ")", POLL_MS, this::poll);
    }

    /** FX thread: applies the stored listening level, then stores every change the editor makes to it. */
    private void keepSoundSettings(SoundSettings stored) {
        playback.volumePercentProperty().set(stored.volumePercent());
        playback.mutedProperty().set(stored.muted());
        Runnable save = () -> {
            SoundSettings now = new SoundSettings(playback.volumePercentProperty().get(),
                    playback.mutedProperty().get());
            lane.run(() -> now.save(engine));
        };
        playback.volumePercentProperty().addListener((o, was, now) -> save.run());
        playback.mutedProperty().addListener((o, was, now) -> save.run());
    }

    /** FX thread: the cut mode the editor chose last (exact until then), stored at each change. */
    private void keepCutMode(boolean exact) {
        form.setExactCut(exact);
        form.exactCutProperty().addListener((o, was, now) -> {
            boolean kept = now;
            lane.run(() -> engine.putSetting(EXACT_CUT_KEY, Boolean.toString(kept)));
        });
    }

    /** ui-engine thread: the slow facts (state, disk, clips), and a full DVR reload after retention. */
    private void poll() {
        LiveStream s = current().orElse(null);
        if (s == null) {
            return; // removed: the window is about to show another stream
        }
        StreamState st = engine.state(streamId);
        if (index.takeStale()) {
            // Retention only removes the oldest segments: trimming to the engine's window is enough.
            index.trimTo(st.window().startMs(), st.window().isEmpty());
        }
        StatusViewModel.Disk disk = engine.disk().map(d -> new StatusViewModel.Disk(st.dvrBytes(), d.freeBytes(),
                d.totalBytes(), d.full())).orElse(new StatusViewModel.Disk(st.dvrBytes(), -1, -1, false));
        List<Clip> list = polls.getAndIncrement() % 2 == 0 ? engine.clips(streamId) : null;
        long now = engine.clock().millis();
        bridge.run(() -> {
            stream.set(s);
            nowMs.set(now);
            status.update(st, disk);
            if (list != null) {
                showClips(list);
            }
        });
    }

    private Optional<LiveStream> current() {
        try {
            return Optional.of(engine.stream(streamId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void indexChanged() {
        SegmentIndex now = index.snapshot();
        segments.set(now);
        DvrWindow dvr = now.isEmpty() ? DvrWindow.EMPTY : new DvrWindow(now.firstStartMs(), now.lastEndMs());
        window.set(dvr);
        lane.run(() -> sound.follow(dvr));
    }

    private void waveformChanged() {
        waveform.set(sound.snapshot());
    }

    private void showClips(List<Clip> list) {
        clips.set(List.copyOf(list));
        clipBands.set(list.stream().map(c -> new ClipBand(c.id(), c.name(), c.startS() * 1000, c.endS() * 1000,
                c.status() == ClipStatus.READY)).toList());
    }

    /** Every clip the desk makes says who made it: the editor the backend was opened for. */
    private void submit(ClipRequest request, Consumer<Clip> onCreated, Consumer<RuntimeException> onFailure) {
        lane.call(() -> engine.createClip(request.withDescription(request.description().withCreatedBy(engine.editor()))),
                created -> {
                    onCreated.accept(created);
                    lane.call(() -> engine.clips(streamId), this::showClips, e -> { });
                }, onFailure);
    }

    private void adjust(Clip clip, long fromMs, long toMs, Consumer<Clip> onAdjusted,
                        Consumer<RuntimeException> onFailure) {
        lane.call(() -> engine.adjustClip(clip.id(), fromMs, toMs), adjusted -> {
            onAdjusted.accept(adjusted);
            lane.call(() -> engine.clips(streamId), this::showClips, e -> { });
        }, onFailure);
    }

    /** A at the desk: adjust the clip selected in the panel beside it. */
    public void adjustSelected() {
        adjustSelected.run();
    }

    public void setAdjustSelected(Runnable action) {
        this.adjustSelected = action;
    }

    /** "Adjust…" from the clips panel: the clip's range back on the timeline; the panel hears of the new clip. */
    public void beginAdjust(Clip clip, Consumer<Clip> onAdjusted) {
        form.setAdjuster(this::adjust, onAdjusted);
        form.beginAdjust(clip);
    }

    /** F1–F8: the marker's clip around the playhead. */
    public void quickMarker(int number) {
        if (number >= 1 && number <= quickMarkers.size()) {
            form.createAround(quickMarkers.get(number - 1));
        }
    }

    /** The destinations and auto-send rules the quick markers dialog offers; none where the backend cannot send. */
    public record AutoSendSetup(List<Destination> destinations, List<AutoSend> rules) {
    }

    /** Loads what the quick markers' "Send to" column shows, then hands it over on the FX thread. */
    public void loadAutoSends(Consumer<AutoSendSetup> onLoaded) {
        if (!engine.capabilities().can(Capabilities.Feature.DELIVER)) {
            onLoaded.accept(new AutoSendSetup(List.of(), List.of()));
            return;
        }
        lane.call(() -> new AutoSendSetup(engine.destinations(), engine.autoSends()), onLoaded,
                e -> onLoaded.accept(new AutoSendSetup(List.of(), List.of())));
    }

    /**
     * Every clip of the marker (its label is the clip's tag) goes to the destination from now on; 0 for none. A
     * relabelled marker takes its rule along.
     */
    public void autoSend(String oldLabel, String label, long destinationId) {
        lane.run(() -> {
            if (!oldLabel.equalsIgnoreCase(label)) {
                engine.autoSend(oldLabel, 0);
            }
            engine.autoSend(label, destinationId);
        });
    }

    public void editQuickMarker(int number, QuickMarker marker) {
        quickMarkers.set(number - 1, marker);
        List<QuickMarker> kept = List.copyOf(quickMarkers);
        lane.run(() -> QuickMarkerSettings.save(engine, kept));
    }

    public PlaybackViewModel playback() { return playback; }
    public ClipFormViewModel form() { return form; }
    public StatusViewModel status() { return status; }
    public ThumbnailCache thumbnails() { return thumbnails; }
    public ZoneId zone() { return engine.zone(); }
    public ObservableList<QuickMarker> quickMarkers() { return readOnlyQuickMarkers; }
    public ReadOnlyObjectProperty<LiveStream> streamProperty() { return stream.getReadOnlyProperty(); }
    /** The engine's clock as of the last poll (once a second). */
    public ReadOnlyLongProperty nowMsProperty() { return nowMs.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SegmentIndex> segmentsProperty() { return segments.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DvrWindow> windowProperty() { return window.getReadOnlyProperty(); }
    /** The DVR's sound for the timeline, fetched from the engine off the FX thread. */
    public ReadOnlyObjectProperty<WaveformPyramid> waveformProperty() { return waveform.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Clip>> clipsProperty() { return clips.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<ClipBand>> clipBandsProperty() { return clipBands.getReadOnlyProperty(); }

    @Override
    public void close() {
        engine.removeListener(index);
        engine.removeListener(healthListener);
        following.close();
        lane.close();
        playback.close();
        thumbnails.close();
    }
}
