package io.clipdesk.ui.desk;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.ui.clipform.ClipFormView;
import io.clipdesk.ui.quick.QuickMarker;
import io.clipdesk.ui.sound.LevelMetersView;
import io.clipdesk.ui.threads.FxBridge;
import io.clipdesk.ui.timeline.DvrTimeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The main window's content: player with the clip form beside it, transport, the DVR timeline, the fast paths
 * and the status bar. Create it on the FX thread; {@link #close()} stops the player and the UI's engine calls.
 */
public final class MainView extends BorderPane implements AutoCloseable {

    private static final long DEFAULT_VISIBLE_MS = 5 * 60_000;
    private static final long MIN_VISIBLE_MS = 60_000;
    /** Where the divider between the desk and the side panel starts, as a share of the width. */
    public static final double DEFAULT_SIDE_SPLIT = 0.72;

    private final MainViewModel vm;
    private final DvrTimeline timeline = new DvrTimeline();
    private final SplitPane split = new SplitPane();
    private final DoubleProperty sideSplit = new SimpleDoubleProperty(this, "sideSplit", DEFAULT_SIDE_SPLIT);
    private long autoSpanMs;

    /** Shows the engine's first stream (the test signal on a fresh data dir). */
    public MainView(DeskBackend engine, FrameDecoder decoder) {
        this(engine, decoder, firstStream(engine));
    }

    public MainView(DeskBackend engine, FrameDecoder decoder, long streamId) {
        this(new MainViewModel(engine, decoder, streamId, new FxBridge()));
    }

    public MainView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("clipdesk");
        PlaybackViewModel playback = vm.playback();

        timeline.setId("dvr-timeline");
        timeline.setZone(vm.zone());
        timeline.segmentsProperty().bind(vm.segmentsProperty());
        timeline.waveformProperty().bind(vm.waveformProperty());
        timeline.dvrStartMsProperty().bind(Bindings.createLongBinding(() -> vm.windowProperty().get().startMs(), vm.windowProperty()));
        timeline.liveEdgeMsProperty().bind(Bindings.createLongBinding(() -> vm.windowProperty().get().endMs(), vm.windowProperty()));
        timeline.playheadMsProperty().bind(playback.positionMsProperty());
        timeline.marksProperty().bind(vm.form().marksProperty());
        timeline.clipsProperty().bind(vm.clipBandsProperty());
        timeline.setThumbnails(vm.thumbnails());
        timeline.setOnSeek(playback::seek);
        timeline.setOnMarksEdited(vm.form()::editMarks);
        timeline.scrubbingProperty().addListener((o, was, now) -> {
            if (now) {
                playback.beginScrub();
            } else {
                playback.endScrub();
            }
        });
        vm.windowProperty().addListener((o, was, now) -> {
            // A young DVR fills the view as it grows, up to its last five minutes, until the editor zooms.
            long span = timeline.getVisibleEndMs() - timeline.getVisibleStartMs();
            long fitted = Math.max(MIN_VISIBLE_MS, Math.min(DEFAULT_VISIBLE_MS, now.lengthMs() * 5 / 4));
            if (was.isEmpty() && !now.isEmpty() || timeline.isFollowLive() && span == autoSpanMs && fitted > span) {
                timeline.showLive(fitted);
                autoSpanMs = timeline.getVisibleEndMs() - timeline.getVisibleStartMs();
            }
        });
        playback.positionMsProperty().addListener((o, was, now) -> keepPlayheadInView(was.longValue(), now.longValue()));

        // Before the first segment (a push stream waiting for its encoder) the timeline shows the last minute of
        // the clock rather than 1970, and the picture says why it is black.
        if (vm.windowProperty().get().isEmpty()) {
            long now = vm.nowMsProperty().get();
            timeline.setVisibleRange(now - MIN_VISIBLE_MS + 5_000, now + 5_000);
        }
        Label noMedia = new Label();
        noMedia.setId("player-no-media");
        noMedia.getStyleClass().add("no-media");
        noMedia.setWrapText(true);
        // At the live edge of a source that stopped delivering, the last picture would pass for live: say so.
        BooleanBinding empty = Bindings.createBooleanBinding(() -> vm.windowProperty().get().isEmpty(),
                vm.windowProperty());
        BooleanBinding signalLost = Bindings.createBooleanBinding(() -> playback.isLive()
                && (vm.status().healthProperty().get() == SourceHealth.STALLED
                || vm.status().healthProperty().get() == SourceHealth.DISCONNECTED
                || vm.status().healthProperty().get() == SourceHealth.DISK_FULL),
                playback.liveProperty(), vm.status().healthProperty());
        noMedia.textProperty().bind(Bindings.when(empty)
                .then(Bindings.concat("No media yet · ", vm.status().healthTextProperty()))
                .otherwise(vm.status().healthTextProperty()));
        BooleanBinding unreachable = vm.status().connectionTroubleProperty().isNotEmpty();
        noMedia.visibleProperty().bind(empty.or(signalLost).or(unreachable));
        noMedia.setMouseTransparent(true);
        StackPane player = new StackPane(new PlayerView(playback), noMedia);
        HBox.setHgrow(player, Priority.ALWAYS);
        ClipFormView form = new ClipFormView(vm.form());
        LevelMetersView meters = new LevelMetersView(playback::levels, playback.framesShownProperty());
        HBox top = new HBox(player, meters, form);
        top.getStyleClass().add("desk-top");
        VBox.setVgrow(top, Priority.ALWAYS);

        VBox centre = new VBox(top, new TransportBar(playback, vm.form(), this::goLive), timeline,
                new QuickBar(vm, this::editMarkers));
        centre.getStyleClass().add("desk-centre");
        centre.setMinWidth(0);
        split.getItems().setAll(centre);
        split.setId("desk-split");
        split.getStyleClass().add("desk-split");
        setCenter(split);
        setBottom(new StatusBarView(vm.status(), this::showKeyMap));
        // A click outside the form's text fields hands the keyboard back to the desk.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node n && isInTextField(n))) {
                requestFocus();
            }
        });
        DeskKeys keys = new DeskKeys(vm, this::goLive, this, new DeskKeys.DeskActions() {
            @Override
            public void zoom(double factor) {
                timeline.zoomBy(factor);
            }

            @Override
            public void fitTimeline() {
                timeline.fitDvr();
            }

            @Override
            public void showKeyMap() {
                MainView.this.showKeyMap();
            }
        });
        sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                keys.uninstall(was);
            }
            if (scene != null) {
                keys.install(scene);
            }
        });
        vm.start();
    }

    /**
     * Docks {@code panel} (the clips panel) to the right of the desk, behind a divider the editor drags; the divider's
     * place is {@link #sideSplitProperty()}, which the window keeps between runs.
     */
    public void setSidePanel(Region panel) {
        panel.setMinWidth(Math.max(panel.getMinWidth(), 0));
        SplitPane.setResizableWithParent(panel, false);
        split.getItems().setAll(split.getItems().get(0), panel);
        split.setDividerPositions(sideSplit.get());
        split.getDividers().get(0).positionProperty().addListener((o, was, now) -> sideSplit.set(now.doubleValue()));
        sideSplit.addListener((o, was, now) -> {
            if (Math.abs(split.getDividerPositions()[0] - now.doubleValue()) > 1e-4) {
                split.setDividerPositions(now.doubleValue());
            }
        });
    }

    /** The divider between the desk and its side panel, 0–1 of the width. */
    public DoubleProperty sideSplitProperty() {
        return sideSplit;
    }

    private void showKeyMap() {
        new KeyMapDialog(getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? java.util.List.of() : java.util.List.copyOf(getScene().getStylesheets())).show();
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public DvrTimeline timeline() {
        return timeline;
    }

    private void goLive() {
        vm.playback().goLive();
        timeline.showLive(timeline.getVisibleEndMs() - timeline.getVisibleStartMs());
    }

    /**
     * Pages the timeline after the playhead when playback walks it out of view or a seek jumps it away, but not
     * while the editor has scrolled elsewhere (browsing the DVR while the player stays live).
     */
    private void keepPlayheadInView(long wasMs, long ms) {
        if (timeline.isScrubbing() || timeline.isFollowLive() && vm.playback().isLive()) {
            return;
        }
        long start = timeline.getVisibleStartMs();
        long span = timeline.getVisibleEndMs() - start;
        boolean inView = ms >= start && ms <= start + span;
        boolean wasInView = wasMs >= start && wasMs <= start + span;
        if (!inView && (wasInView || Math.abs(ms - wasMs) > span / 2)) {
            timeline.setFollowLive(false);
            timeline.setVisibleRange(ms - span / 10, ms - span / 10 + span);
        }
    }

    private void editMarkers() {
        vm.loadAutoSends(setup -> {
            List<QuickMarker> before = List.copyOf(vm.quickMarkers());
            QuickMarkerDialog dialog = new QuickMarkerDialog(before, setup,
                    getScene() == null ? null : getScene().getWindow(),
                    getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets()));
            dialog.showAndWait().ifPresent(list -> {
                for (int i = 0; i < list.size(); i++) {
                    vm.editQuickMarker(i + 1, list.get(i));
                    if (!setup.destinations().isEmpty()) {
                        vm.autoSend(before.get(i).label(), list.get(i).label(), dialog.sendTo(i));
                    }
                }
            });
        });
    }

    private static boolean isInTextField(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
    }

    private static long firstStream(DeskBackend engine) {
        return engine.streams().stream().mapToLong(LiveStream::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("the engine has no stream to show"));
    }

    @Override
    public void close() {
        vm.close();
    }
}
