package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.ChangeFeed;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskChange;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.export.ClipListExport;
import io.clipdesk.ui.clips.export.CutTimes;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.clips.preview.PreviewFormat;
import io.clipdesk.ui.clips.preview.PreviewSource;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import io.clipdesk.ui.delivery.DeliveriesViewModel;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /** The kinds of file the panel saves, each remembering the folder the last one went to. */
    public enum Folder {
        MP4("ui.folder.mp4"), EXPORT("ui.folder.export");

        private final String key;

        Folder(String key) {
            this.key = key;
        }
    }

    private final Map<Folder, Path> folders = new java.util.EnumMap<>(Folder.class);

    private final DeskBackend engine;
    private final long streamId;
    private final MediaLinks links;
    private final DesktopShell shell;
    private final FxBridge bridge;
    private final EngineLane lane;
    private final ClockTicker ticker;
    private final ZoneId zone;
    private final int segmentMs;
    private final PreviewViewModel preview;
    /** A described clip fires a list update, so the filter tests it again. */
    private final ObservableList<ClipItem> clips = FXCollections.observableArrayList(i -> new Observable[] {
        i.clipProperty()});
    private final FilteredList<ClipItem> shownClips = new FilteredList<>(clips);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<VideoItem> videos = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ClipItem> selectedClip = new ReadOnlyObjectWrapper<>(this, "selectedClip");
    private final ReadOnlyObjectWrapper<VideoItem> selectedVideo = new ReadOnlyObjectWrapper<>(this, "selectedVideo");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding clipSelected = selectedClip.isNotNull();
    private final ReadOnlyObjectWrapper<ClipPhase> selectedPhase = new ReadOnlyObjectWrapper<>(this, "selectedPhase");
    private final ReadOnlyBooleanWrapper canKeep = new ReadOnlyBooleanWrapper(this, "canKeep");
    private final ReadOnlyStringWrapper reframesText = new ReadOnlyStringWrapper(this, "reframesText", "");
    /** The version being made for the selected clip, 0–1; -1 when none is. */
    private final ReadOnlyDoubleWrapper reframeProgress = new ReadOnlyDoubleWrapper(this, "reframeProgress", -1);
    /** The clip whose versions the poll reads (the selection, kept here for the worker). */
    private volatile Clip watched;
    /** Whether a version of the watched clip is queued or being made (the worker then reads its progress). */
    private volatile boolean reframing;
    /** A clip an adjust or trim just made: selected as soon as the list has it. */
    private String selectOnArrival;
    private Consumer<Clip> adjustOnTimeline = clip -> notice.set("This panel is not beside a timeline to adjust on.");
    private FrameDecoder decoder;
    private final DeliveriesViewModel deliveries;
    /** A look at the lists is queued on the worker: a burst of changes costs one. */
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private ChangeFeed.Subscription following = () -> { };

    public ClipsViewModel(DeskBackend engine, long streamId, FxBridge bridge, DesktopShell shell) {
        this.engine = engine;
        this.streamId = streamId;
        this.links = new MediaLinks(engine.mediaUrls());
        this.shell = shell;
        this.bridge = bridge;
        this.lane = new EngineLane(bridge);
        this.ticker = new ClockTicker(engine.clock());
        this.zone = engine.zone();
        this.segmentMs = engine.segmentDurationMs();
        this.preview = new PreviewViewModel(ticker.nowMsProperty(), zone);
        this.deliveries = new DeliveriesViewModel(engine, bridge, zone);
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
        lane.call(() -> {
            Map<Folder, Path> stored = new java.util.EnumMap<>(Folder.class);
            for (Folder f : Folder.values()) {
                engine.setting(f.key).map(Path::of).filter(Files::isDirectory).ifPresent(p -> stored.put(f, p));
            }
            return stored;
        }, stored -> stored.forEach(folders::putIfAbsent), e -> { });
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
        Clip shown = watched;
        if (shown != null && reframing) {
            List<Reframe> versions = reframesOf(shown);
            reframing = versions.stream().anyMatch(r -> r.status().inFlight());
            bridge.run(() -> showReframes(shown, versions));
        }
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
        Clip shown = watched;
        List<Reframe> versions = shown == null || !engine.capabilities().can(Capabilities.Feature.REFRAME)
                ? List.of() : reframesOf(shown);
        reframing = versions.stream().anyMatch(r -> r.status().inFlight());
        bridge.run(() -> {
            show(latestClips, latestVideos);
            showReframes(shown, versions);
        });
    }

    private List<Reframe> reframesOf(Clip clip) {
        try {
            return engine.reframes(clip.id());
        } catch (NotFoundException gone) {
            return List.of();
        }
    }

    /** "9:16 ready · 1:1 encoding 40 %" under the list, with the bar of the one being made. */
    private void showReframes(Clip of, List<Reframe> versions) {
        ClipItem selected = selectedClip.get();
        if (selected == null || of == null || !selected.id().equals(of.id())) {
            return;
        }
        reframesText.set(versions.stream().map(r -> r.aspect().wire() + " " + switch (r.status()) {
            case QUEUED -> "waiting";
            case ENCODING -> "encoding " + Math.round(r.progress() * 100) + " %";
            case READY -> "ready";
            case FAILED -> "failed: " + r.error();
        }).collect(Collectors.joining(" · ")));
        reframeProgress.set(versions.stream().filter(r -> r.status().inFlight()).mapToDouble(Reframe::progress)
                .findFirst().orElse(-1));
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
        refreshPreview();
        if (selectOnArrival != null) {
            clips.stream().filter(i -> i.id().equals(selectOnArrival)).findFirst().ifPresent(i -> {
                selectOnArrival = null;
                selectClip(i);
            });
        }
    }

    /** Keeps the preview's source current: a recording clip turns playable, a deleted one stops. */
    private void refreshPreview() {
        PreviewSource shown = preview.sourceProperty().get();
        if (shown.isNone()) {
            return;
        }
        PreviewSource fresh = clips.stream().filter(i -> shown.key().equals(clipKey(i))).findFirst()
                .map(this::source)
                .or(() -> videos.stream().filter(i -> shown.key().equals("video:" + i.id())).findFirst()
                        .map(this::source))
                .orElseGet(() -> shown.expiredAt(ticker.nowMsProperty().get()) ? shown : shown.deleted());
        preview.show(fresh);
    }

    // ---- selection (the views forward the lists' selections)

    public void selectClip(ClipItem item) {
        if (item == null && selectOnArrival != null) {
            return; // the adjusted clip left the list; its successor takes the selection when it arrives
        }
        selectedClip.set(item);
        watched = item == null ? null : item.getClip();
        reframesText.set("");
        reframeProgress.set(-1);
        if (item != null) {
            lane.run(this::poll);
        }
        if (item != null) {
            preview.show(source(item));
        }
    }

    public void selectVideo(VideoItem item) {
        selectedVideo.set(item);
        if (item != null) {
            preview.show(source(item));
        }
    }

    // ---- clip commands

    public void previewHls(ClipItem item) {
        selectedClip.set(item);
        preview.play(source(item), PreviewFormat.HLS);
    }

    public void previewMp4(ClipItem item) {
        selectedClip.set(item);
        preview.play(source(item), PreviewFormat.MP4);
    }

    public void copyHlsLink(ClipItem item) {
        copy("HLS", links.clip(item.getClip()).hlsMaster());
    }

    public void copyMp4Link(ClipItem item) {
        copy("MP4", links.clip(item.getClip()).mp4Master());
    }

    /** Copies the clip's MP4 (highest rendition) to {@code target}. */
    public void saveMp4(ClipItem item, Path target) {
        Clip clip = item.getClip();
        save(() -> engine.openClipMp4(clip), target);
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
        Optional<Path> local = engine.clipFolder(item.getClip());
        if (local.isEmpty()) {
            notice.set(engine.capabilities().whyNot(Capabilities.Feature.LOCAL_FILES)
                    .orElse("The clip's files are not on this machine."));
            return;
        }
        Path folder = local.get();
        lane.call(() -> {
            try {
                shell.reveal(folder);
                return "Opened " + folder;
            } catch (IOException e) {
                return "Could not open a file manager; the clip's folder is " + folder;
            }
        }, notice::set, this::failed);
    }

    public void delete(ClipItem item) {
        if (preview.sourceProperty().get().key().equals(clipKey(item))) {
            preview.show(PreviewSource.NONE); // let the player go before its media does
        }
        lane.call(() -> {
            engine.deleteClip(item.id());
            return item;
        }, deleted -> {
            clips.remove(deleted);
            if (selectedClip.get() == deleted) {
                selectedClip.set(null);
            }
            notice.set("Deleted " + deleted.getClip().name() + ".");
        }, this::failed);
    }

    public void keepPermanent(ClipItem item) {
        lane.call(() -> engine.keepClip(item.id()), kept -> {
            item.update(kept, Optional.empty());
            notice.set(kept.name() + " will be kept as a permanent video.");
        }, this::failed);
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
                }, this::failed);
    }

    // ---- adjust, trim, reframe

    /** Who puts a clip's range back on the timeline as marks (the desk beside this panel). */
    public void setAdjustOnTimeline(Consumer<Clip> adjust) {
        this.adjustOnTimeline = adjust;
    }

    /** Decodes the still the reframe window is placed on; without one the window is placed on a blank picture. */
    public void setFrameDecoder(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * "Adjust…" (A): while the DVR holds the clip's whole range its in and out go back on the timeline; otherwise the
     * panel says so and {@code offerTrim} is asked to trim inside the clip's own media instead.
     */
    public void adjust(ClipItem item, Consumer<ClipItem> offerTrim) {
        if (!engine.capabilities().can(Capabilities.Feature.ADJUST)) {
            notice.set(engine.capabilities().whyNot(Capabilities.Feature.ADJUST).orElseThrow());
            return;
        }
        Clip clip = item.getClip();
        lane.call(() -> engine.state(streamId).window(), window -> {
            if (!window.isEmpty() && clip.fromMs() >= window.startMs() && clip.toMs() <= window.endMs()) {
                adjustOnTimeline.accept(clip);
                notice.set("Adjusting " + clip.name() + " on the timeline: move the marks, then Enter (Esc cancels).");
            } else if (item.phaseProperty().get() == ClipPhase.READY) {
                notice.set("The DVR no longer holds all of " + clip.name() + "; trim it inside its own media instead.");
                offerTrim.accept(item);
            } else {
                notice.set("The DVR no longer holds all of " + clip.name() + ", and it has no media to trim yet.");
            }
        }, this::failed);
    }

    /** The clip an adjust made (FX thread): selected as soon as the list shows it. */
    public void adopt(Clip made) {
        selectOnArrival = made.id();
        lane.run(this::poll);
    }

    /** Trims a ready clip to [fromMs, toMs) of its own media; the trimmed clip takes the selection. */
    public void trim(ClipItem item, long fromMs, long toMs) {
        lane.call(() -> engine.trimClip(item.id(), fromMs, toMs), trimmed -> {
            notice.set("Trimmed " + trimmed.name() + " to " + (toMs - fromMs) / 1000.0 + " s of its own media.");
            adopt(trimmed);
        }, this::failed);
    }

    /** A still of the clip for the reframe window (worker thread): its first segment's picture at ½ s. */
    public void still(ClipItem item, int maxWidth, Consumer<ClipStill> onStill) {
        Clip clip = item.getClip();
        lane.call(() -> {
            Rendition top = engine.stream(clip.streamId()).renditions().stream()
                    .filter(r -> clip.renditions().contains(r.name()))
                    .max(Comparator.comparingInt(Rendition::height)).orElseThrow(() ->
                            new NotFoundException("the clip's picture size is unknown"));
            int width = Math.min(maxWidth, top.width()) & ~1;
            int height = (int) ((long) width * top.height() / top.width()) & ~1;
            int[] argb = new int[width * height];
            if (decoder != null) {
                try (FrameDecoder.Cursor cursor = decoder.open(engine.clipSegment(clip, top.name(), 0), width,
                        height)) {
                    cursor.seek(500_000, argb);
                }
            }
            return new ClipStill(top.width(), top.height(), width, height, argb, decoder != null);
        }, onStill, this::failed);
    }

    /** Queues a social version; its progress shows under the list while the clip is selected. */
    public void reframe(ClipItem item, ReframeAspect aspect, CropPath crop) {
        if (!engine.capabilities().can(Capabilities.Feature.REFRAME)) {
            notice.set(engine.capabilities().whyNot(Capabilities.Feature.REFRAME).orElseThrow());
            return;
        }
        lane.call(() -> engine.reframeClip(item.id(), aspect, crop), queued -> {
            notice.set("Making the " + aspect.wire() + " version of " + item.getClip().name() + ".");
            reframing = true;
            lane.run(this::pollReframes);
        }, this::failed);
    }

    // ---- video commands

    public void previewVideo(VideoItem item, PreviewFormat format) {
        selectedVideo.set(item);
        preview.play(source(item), format);
    }

    public void copyVideoLink(VideoItem item, PreviewFormat format) {
        PreviewSource.Links media = links.video(item.getVideo());
        copy(format.name(), format == PreviewFormat.HLS ? media.hlsMaster() : media.mp4Master());
    }

    public void saveVideoMp4(VideoItem item, Path target) {
        Video video = item.getVideo();
        String top = video.renditions().stream().max(Comparator.comparingInt(MediaLinks::height))
                .orElse("");
        save(() -> engine.openVideoMp4(video, top), target);
    }

    public void deleteVideo(VideoItem item) {
        if (preview.sourceProperty().get().key().equals("video:" + item.id())) {
            preview.show(PreviewSource.NONE);
        }
        lane.call(() -> {
            engine.deleteVideo(item.id());
            return item;
        }, deleted -> {
            videos.remove(deleted);
            notice.set("Deleted the permanent video " + deleted.getVideo().name() + ".");
        }, this::failed);
    }

    // ---- export

    /** The clips the filter shows, in {@code format}, referencing their MP4s ({@link #mediaUrl}) where it does. */
    public void export(ClipListExport.Format format, Path target) {
        Set<String> shown = shownClips.stream().map(ClipItem::id).collect(Collectors.toSet());
        lane.call(() -> {
            List<Clip> list = engine.clips(streamId).stream().filter(c -> shown.contains(c.id())).toList();
            long dvrStartMs = engine.state(streamId).window().startMs();
            write(target, new ClipListExport(list, dvrStartMs, links, zone).render(format,
                    "Clipdesk stream " + streamId + " clips", CutTimes.DEFAULT_FPS, this::mediaUrl));
            return "Exported " + list.size() + (list.size() == 1 ? " clip" : " clips") + " to " + target.getFileName()
                    + ".";
        }, notice::set, this::failed);
    }

    /**
     * Where an editing suite finds a clip's MP4: the file itself (file: URL) when this desk's engine has it on disk,
     * else its HTTP link (a remote server, or a clip still recording). Either lasts only as long as the clip: keep it
     * permanent or save the MP4 for an edit that outlives it. Worker thread.
     */
    private String mediaUrl(Clip clip) {
        return engine.clipMp4File(clip).map(file -> file.toUri().toString())
                .orElseGet(() -> links.clip(clip).mp4Master());
    }

    private void save(Supplier<InputStream> media, Path target) {
        lane.call(() -> {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = media.get()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "Saved " + target.getFileName() + ".";
        }, notice::set, this::failed);
    }

    private static void write(Path target, String text) {
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copy(String what, String url) {
        if (url.isEmpty()) {
            notice.set("No " + what + " link: the engine's HTTP address is unknown.");
            return;
        }
        shell.copy(url);
        notice.set(what + " link copied: " + url);
    }

    private void failed(RuntimeException e) {
        if (e instanceof TooEarlyException) {
            notice.set("Not ready yet: " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            notice.set("Could not write the file: " + io.getCause().getMessage());
        } else {
            notice.set(e.getMessage());
        }
    }

    private PreviewSource source(ClipItem item) {
        return PreviewSource.of(item.getClip(), links, segmentMs);
    }

    /** A video's wall-clock start is its clip's cut start, known while the clip is still in the list. */
    private PreviewSource source(VideoItem item) {
        Video video = item.getVideo();
        long wallStartMs = clips.stream().filter(c -> c.id().equals(video.clipId())).findFirst()
                .map(c -> c.getClip().cutStartMs()).orElse(0L);
        return PreviewSource.of(video, links, wallStartMs);
    }

    private static String clipKey(ClipItem item) {
        return "clip:" + item.id();
    }

    /** Where a chooser for {@code kind} opens: the folder the last such file went to, else the home folder. */
    public Path folderFor(Folder kind) {
        Path last = folders.get(kind);
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The editor saved a file of {@code kind} into {@code folder}: the next chooser opens there, this run and next. */
    public void rememberFolder(Folder kind, Path folder) {
        folders.put(kind, folder);
        lane.run(() -> engine.putSetting(kind.key, folder.toString()));
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
    public ReadOnlyStringProperty reframesTextProperty() { return reframesText.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty reframeProgressProperty() { return reframeProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyLongProperty nowMsProperty() { return ticker.nowMsProperty(); }
    public PreviewViewModel preview() { return preview; }
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
