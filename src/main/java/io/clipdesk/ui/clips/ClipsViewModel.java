package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskChange;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.export.ClipListExport;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.clips.preview.PreviewFormat;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import io.clipdesk.ui.delivery.DeliveriesViewModel;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The clips panel of one stream: its clips (newest first) and the permanent videos, polled once a second on the
 * panel's own {@code ui-engine} worker; countdowns from the engine's clock; the preview; and the per-clip commands.
 * Engine calls run on the worker, their results come back on the FX thread. {@link #close()} ends the worker,
 * the ticker and the player.
 */
public final class ClipsViewModel implements AutoCloseable {

    private static final long POLL_MS = 1000;
    /** With changes pushed, the poll is only a safety net (a change lost with a connection is caught up by then). */
    private static final long POLL_WITH_PUSH_MS = 10_000;

    private final DeskBackend engine;
    private final long streamId;
    private final MediaLinks links;
    private final FxBridge bridge;
    private final EngineLane lane;
    private final ClockTicker ticker;
    private final ZoneId zone;
    private final int segmentMs;
    private final ListPreview preview;
    /** A described clip fires a list update, so the filter tests it again. */
    private final ObservableList<ClipItem> clips = FXCollections.observableArrayList(i -> new Observable[] {
        i.clipProperty()});
    private final FilteredList<ClipItem> shownClips = new FilteredList<>(clips);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<VideoItem> videos = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ClipItem> selectedClip = new ReadOnlyObjectWrapper<>(this, "selectedClip");
    private final ReadOnlyObjectWrapper<VideoItem> selectedVideo = new ReadOnlyObjectWrapper<>(this, "selectedVideo");
    private final PanelNotice notice = new PanelNotice();
    private final ClipVersions versions;
    private final ClipOutputs outputs;
    private final ClipAdjusting adjusting;
    private final BooleanBinding clipSelected = selectedClip.isNotNull();
    private final ReadOnlyObjectWrapper<ClipPhase> selectedPhase = new ReadOnlyObjectWrapper<>(this, "selectedPhase");
    private final ReadOnlyBooleanWrapper canKeep = new ReadOnlyBooleanWrapper(this, "canKeep");
    /** A clip an adjust or trim just made: selected as soon as the list has it. */
    private String selectOnArrival;
    private final DeliveriesViewModel deliveries;
    /** A look at the lists is queued on the worker: a burst of changes costs one. */
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private ChangeFeed.Subscription following = () -> { };

    public ClipsViewModel(DeskBackend engine, long streamId, FxBridge bridge, DesktopShell shell) {
        this.engine = engine;
        this.streamId = streamId;
        this.links = new MediaLinks(engine.mediaUrls());
        this.bridge = bridge;
        this.lane = new EngineLane(bridge);
        this.ticker = new ClockTicker(engine.clock());
        this.zone = engine.zone();
        this.segmentMs = engine.segmentDurationMs();
        this.preview = new ListPreview(links, segmentMs, clips, videos, ticker.nowMsProperty(), zone);
        this.deliveries = new DeliveriesViewModel(engine, bridge, zone);
        this.versions = new ClipVersions(engine, lane, bridge, notice);
        this.outputs = new ClipOutputs(engine, streamId, links, shell, lane, notice);
        this.adjusting = new ClipAdjusting(engine, streamId, lane, notice);
        deliveries.noticeProperty().addListener((o, was, now) -> notice.set(now));
        filter.addListener((o, was, typed) -> {
            ClipFilter kept = ClipFilter.of(typed == null ? "" : typed);
            shownClips.setPredicate(kept.keepsAll() ? null : item -> kept.test(item.getClip()));
        });
        selectedClip.addListener((o, was, item) -> {
            deliveries.show(item == null ? null : item.id());
            selectedPhase.unbind();
            canKeep.unbind();
            if (item == null) {
                selectedPhase.set(null);
                canKeep.set(false);
            } else {
                selectedPhase.bind(item.phaseProperty());
                canKeep.bind(item.canKeepProperty());
            }
        });
    }

    /** Starts the countdowns and the poll. FX thread. */
    public void start() {
        outputs.loadFolders();
        ticker.start();
        if (engine.capabilities().can(Capabilities.Feature.DELIVER)) {
            deliveries.start();
        }
        ChangeFeed changes = engine.changes();
        // Following before the first look: a change made during it is looked at again after.
        following = changes.follow(change -> {
            // Also when the engine answers again: the list now, not after the poll's back-off.
            if (change.concernsClipsOf(streamId) || change.subject() == DeskChange.Subject.CONNECTION
                    && changes.trouble().isEmpty()) {
                pollSoon();
            }
        });
        lane.run(this::poll);
        lane.poll("the clips list (" + engine.describe() + ")", changes.pushes() ? POLL_WITH_PUSH_MS : POLL_MS,
                this::poll);
        lane.every(POLL_MS, this::pollReframes);
    }

    /** Worker thread: while a version of the selected clip is being made, its progress each second. */
    private void pollReframes() {
        versions.pollProgress(read -> versions.show(read, selectedClip.get()));
    }

    /** Called on the feed's thread: queues one look, unless one is queued already. */
    private void pollSoon() {
        if (pollQueued.compareAndSet(false, true)) {
            lane.run(this::poll);
        }
    }

    /** Worker thread: the clips and videos as the engine has them now. */
    private void poll() {
        pollQueued.set(false);
        List<Clip> latestClips = engine.clips(streamId);
        List<Video> latestVideos = engine.videos();
        ClipVersions.Read read = versions.read();
        bridge.run(() -> {
            show(latestClips, latestVideos);
            versions.show(read, selectedClip.get());
        });
    }

    private void show(List<Clip> latestClips, List<Video> latestVideos) {
        ticker.read();
        Map<Long, Video> videoById = new HashMap<>();
        latestVideos.forEach(v -> videoById.put(v.id(), v));
        ItemLists.reconcile(clips, latestClips, Clip::id, ClipItem::id,
                c -> new ClipItem(c, ticker.nowMsProperty(), segmentMs, zone),
                (item, c) -> item.update(c, Optional.ofNullable(videoById.get(c.videoId()))));
        ItemLists.reconcile(videos, latestVideos, Video::id, VideoItem::id, v -> new VideoItem(v, zone),
                VideoItem::update);
        preview.refresh();
        if (selectOnArrival != null) {
            clips.stream().filter(i -> i.id().equals(selectOnArrival)).findFirst().ifPresent(i -> {
                selectOnArrival = null;
                selectClip(i);
            });
        }
    }

    // ---- selection (the views forward the lists' selections)

    public void selectClip(ClipItem item) {
        if (item == null && selectOnArrival != null) {
            return; // the adjusted clip left the list; its successor takes the selection when it arrives
        }
        selectedClip.set(item);
        versions.watch(item == null ? null : item.getClip());
        if (item != null) {
            lane.run(this::poll);
        }
        if (item != null) {
            preview.show(item);
        }
    }

    public void selectVideo(VideoItem item) {
        selectedVideo.set(item);
        if (item != null) {
            preview.show(item);
        }
    }

    // ---- clip commands

    public void previewHls(ClipItem item) {
        selectedClip.set(item);
        preview.play(item, PreviewFormat.HLS);
    }

    public void previewMp4(ClipItem item) {
        selectedClip.set(item);
        preview.play(item, PreviewFormat.MP4);
    }

    public void copyHlsLink(ClipItem item) {
        outputs.copyHlsLink(item.getClip());
    }

    public void copyMp4Link(ClipItem item) {
        outputs.copyMp4Link(item.getClip());
    }

    /** Copies the clip's MP4 (highest rendition) to {@code target}. */
    public void saveMp4(ClipItem item, Path target) {
        outputs.saveMp4(item.getClip(), target);
    }

    /** "Send to…" and the selected clip's receipts. */
    public DeliveriesViewModel deliveries() {
        return deliveries;
    }

    /** Why this desk cannot send clips anywhere (its backend has no delivery); empty when it can. */
    public Optional<String> whyNoDelivery() {
        return engine.capabilities().whyNot(Capabilities.Feature.DELIVER);
    }

    /** Why the backend cannot do {@code feature} (the panel greys its control with this); empty when it can. */
    public Optional<String> whyNot(Capabilities.Feature feature) {
        return engine.capabilities().whyNot(feature);
    }

    public void reveal(ClipItem item) {
        outputs.reveal(item.getClip());
    }

    public void delete(ClipItem item) {
        preview.release(item);
        lane.call(() -> {
            engine.deleteClip(item.id());
            return item;
        }, deleted -> {
            clips.remove(deleted);
            if (selectedClip.get() == deleted) {
                selectedClip.set(null);
            }
            notice.set("Deleted " + deleted.getClip().name() + ".");
        }, notice::failed);
    }

    public void keepPermanent(ClipItem item) {
        lane.call(() -> engine.keepClip(item.id()), kept -> {
            item.update(kept, Optional.empty());
            notice.set(kept.name() + " will be kept as a permanent video.");
        }, notice::failed);
    }

    /**
     * The editor's title, tags (typed with commas between) and description; the clip keeps who made it. A broken
     * rule is said in the notice and changes nothing.
     */
    public void describe(ClipItem item, String title, String tagsLine, String description) {
        lane.call(() -> engine.describeClip(item.id(), title, item.getClip().description()
                .withTags(ClipDescription.parseTags(tagsLine)).withDescription(description)), described -> {
                    item.update(described, Optional.empty());
                    notice.set("Described " + described.name() + ".");
                }, notice::failed);
    }

    // ---- adjust, trim, reframe

    /** Who puts a clip's range back on the timeline as marks (the desk beside this panel). */
    public void setAdjustOnTimeline(Consumer<Clip> adjust) {
        adjusting.setOnTimeline(adjust);
    }

    /** Decodes the still the reframe window is placed on; without one the window is placed on a blank picture. */
    public void setFrameDecoder(FrameDecoder decoder) {
        versions.setFrameDecoder(decoder);
    }

    /**
     * "Adjust…" (A): while the DVR holds the clip's whole range its in and out go back on the timeline; otherwise the
     * panel says so and {@code offerTrim} is asked to trim inside the clip's own media instead.
     */
    public void adjust(ClipItem item, Consumer<ClipItem> offerTrim) {
        adjusting.adjust(item, offerTrim);
    }

    /** The clip an adjust made (FX thread): selected as soon as the list shows it. */
    public void adopt(Clip made) {
        selectOnArrival = made.id();
        lane.run(this::poll);
    }

    /** Trims a ready clip to [fromMs, toMs) of its own media; the trimmed clip takes the selection. */
    public void trim(ClipItem item, long fromMs, long toMs) {
        adjusting.trim(item, fromMs, toMs, this::adopt);
    }

    /** A still of the clip for the reframe window (worker thread): its first segment's picture at ½ s. */
    public void still(ClipItem item, int maxWidth, Consumer<ClipStill> onStill) {
        versions.still(item, maxWidth, onStill);
    }

    /** Queues a social version; its progress shows under the list while the clip is selected. */
    public void reframe(ClipItem item, ReframeAspect aspect, CropPath crop) {
        versions.reframe(item, aspect, crop, this::pollReframes);
    }

    // ---- video commands

    public void previewVideo(VideoItem item, PreviewFormat format) {
        selectedVideo.set(item);
        preview.play(item, format);
    }

    public void copyVideoLink(VideoItem item, PreviewFormat format) {
        outputs.copyVideoLink(item.getVideo(), format);
    }

    public void saveVideoMp4(VideoItem item, Path target) {
        outputs.saveVideoMp4(item.getVideo(), target);
    }

    public void deleteVideo(VideoItem item) {
        preview.release(item);
        lane.call(() -> {
            engine.deleteVideo(item.id());
            return item;
        }, deleted -> {
            videos.remove(deleted);
            notice.set("Deleted the permanent video " + deleted.getVideo().name() + ".");
        }, notice::failed);
    }

    // ---- export

    /** The clips the filter shows, in {@code format}, referencing their MP4s where it does. */
    public void export(ClipListExport.Format format, Path target) {
        outputs.export(format, target, shownClips.stream().map(ClipItem::id).collect(Collectors.toSet()));
    }

    /** Where a chooser for {@code kind} opens: the folder the last such file went to, else the home folder. */
    public Path folderFor(ClipOutputs.Folder kind) {
        return outputs.folderFor(kind);
    }

    /** The editor saved a file of {@code kind} into {@code folder}: the next chooser opens there, this run and next. */
    public void rememberFolder(ClipOutputs.Folder kind, Path folder) {
        outputs.rememberFolder(kind, folder);
    }

    // ---- read-only state

    public ObservableList<ClipItem> clips() { return FXCollections.unmodifiableObservableList(clips); }
    /** The clips the filter keeps, in the list's order. */
    public ObservableList<ClipItem> shownClips() { return shownClips; }
    /** What the editor typed in the filter field (see {@link ClipFilter}). */
    public StringProperty filterProperty() { return filter; }
    public ObservableList<VideoItem> videos() { return FXCollections.unmodifiableObservableList(videos); }
    public ReadOnlyObjectProperty<ClipItem> selectedClipProperty() { return selectedClip.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<VideoItem> selectedVideoProperty() { return selectedVideo.getReadOnlyProperty(); }
    public BooleanBinding clipSelectedProperty() { return clipSelected; }
    /** The selected clip's phase; null without a selection. */
    public ReadOnlyObjectProperty<ClipPhase> selectedPhaseProperty() { return selectedPhase.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canKeepProperty() { return canKeep.getReadOnlyProperty(); }
    /** The selected clip's social versions in words ("9:16 ready · 1:1 encoding 40 %"); empty when none. */
    public ReadOnlyStringProperty reframesTextProperty() { return versions.textProperty(); }
    public ReadOnlyDoubleProperty reframeProgressProperty() { return versions.progressProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.property(); }
    public ReadOnlyLongProperty nowMsProperty() { return ticker.nowMsProperty(); }
    public PreviewViewModel preview() { return preview.model(); }
    public boolean linksAvailable() { return links.available(); }

    @Override
    public void close() {
        deliveries.close();
        following.close();
        lane.close();
        ticker.close();
        preview.close();
    }
}
