package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.ui.clips.export.ClipListExport;
import io.clipdesk.ui.clips.preview.PreviewFormat;
import io.clipdesk.ui.clips.preview.PreviewView;
import io.clipdesk.ui.delivery.DestinationsDialog;
import io.clipdesk.ui.delivery.ReceiptsView;
import io.clipdesk.ui.delivery.SendToMenu;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The clips column: the stream's clips and the permanent videos in tabs, each with its actions, the preview
 * player under them, and a notice line. Binds to {@link ClipsViewModel}; dialogs (save, export, confirm delete)
 * are the view's, everything else is forwarded.
 */
public final class ClipsPanel extends VBox implements AutoCloseable {

    /** The panel's rules, loaded after the theme (they use its palette). */
    public static final String STYLESHEET = "/assets/css/clips.css";

    /** Wide enough to place the window precisely, small enough for the dialog to fit a 1280x720 screen. */
    private static final int REFRAME_PICTURE_WIDTH = 640;

    private final ClipsViewModel vm;
    private final ClipActionBar actionBar;

    /**
     * The panel of one stream of the desk's engine, with the system clipboard and file manager. FX thread. Without
     * media links (an engine without an HTTP address) the lists work but nothing plays.
     */
    public static ClipsPanel of(DeskBackend engine, long streamId) {
        return new ClipsPanel(new ClipsViewModel(engine, streamId, new FxBridge(),
                new DefaultDesktopShell()));
    }

    public ClipsPanel(ClipsViewModel vm) {
        this.vm = vm;
        this.actionBar = new ClipActionBar(vm.selectedClipProperty(), vm.selectedPhaseProperty());
        getStyleClass().add("clips-panel");
        setId("clips-panel");

        Label title = new Label("Clips & videos");
        title.getStyleClass().add("panel-title");
        MenuButton export = new MenuButton("Export");
        export.setId("clips-export");
        export.setAccessibleText("Export the listed clips");
        export.setAccessibleHelp("As CSV, JSON, an EDL or Final Cut XML");
        MenuItem csv = new MenuItem("CSV (wall clock, LosslessCut columns)…");
        csv.setOnAction(e -> export(ClipListExport.Format.CSV, "clips.csv", "CSV", "*.csv"));
        csv.setId("export-csv");
        MenuItem json = new MenuItem("JSON…");
        json.setOnAction(e -> export(ClipListExport.Format.JSON, "clips.json", "JSON", "*.json"));
        MenuItem edl = new MenuItem("EDL (CMX 3600)…");
        edl.setOnAction(e -> export(ClipListExport.Format.EDL, "clips.edl", "EDL", "*.edl"));
        MenuItem xml = new MenuItem("Final Cut XML (Premiere, Resolve)…");
        xml.setOnAction(e -> export(ClipListExport.Format.XMEML, "clips.xml", "XML", "*.xml"));
        export.getItems().addAll(csv, json, edl, xml);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);

        Tab clipsTab = new Tab();
        clipsTab.textProperty().bind(Bindings.createStringBinding(() -> vm.shownClips().size() == vm.clips().size()
                ? "Clips (" + vm.clips().size() + ")" : "Clips (" + vm.shownClips().size() + " of " + vm.clips().size()
                + ")", vm.shownClips(), vm.clips()));
        clipsTab.setContent(clipsPage());
        Tab videosTab = new Tab();
        videosTab.textProperty().bind(Bindings.size(vm.videos()).asString("Videos (%d)"));
        videosTab.setContent(videosPage());
        TabPane tabs = new TabPane(clipsTab, videosTab);
        tabs.setId("clips-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setAccessibleText("Clips and permanent videos");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        PreviewView preview = new PreviewView(vm.preview());

        Label notice = new Label();
        notice.setId("clips-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());

        getChildren().addAll(header, tabs, preview, notice);
        vm.start();
    }

    private Node clipsPage() {
        TextField filter = new TextField();
        filter.setId("clips-filter");
        filter.setPromptText("Filter: words, #tag");
        filter.setAccessibleText("Filter clips by words in the title, tags or description, or by #tag");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            }
        });
        ListView<ClipItem> list = new ListView<>(vm.shownClips());
        list.setId("clips-list");
        list.setAccessibleText("Clips");
        list.setAccessibleHelp("Up and down choose a clip; Tab reaches its actions");
        list.setCellFactory(v -> new ClipCell(actionBar::actions));
        list.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(vm.clips().isEmpty()
                ? "No clips yet: mark in and out, then Create clip." : "No clip matches the filter."), vm.clips()));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectClip(now));
        vm.selectedClipProperty().addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setMinHeight(90);
        VBox.setVgrow(list, Priority.ALWAYS);

        ClipPhase ready = ClipPhase.READY;
        addAction(ClipAction.always("clip-preview-hls", "▶ HLS", "Preview the selected clip's HLS", vm::previewHls),
                true);
        addAction(ClipAction.always("clip-preview-mp4", "▶ MP4", "Preview the selected clip's MP4", vm::previewMp4),
                true);
        addAction(new ClipAction("clip-save-mp4", "Save MP4…", "Save the selected clip's MP4 as a file",
                c -> c.phaseProperty().get() == ready, this::saveMp4), true);
        actionBar.add(ClipAction.always("clip-describe", "Describe…",
                "Describe the selected clip: title, tags, description", this::describe), true,
                vm.whyNot(Capabilities.Feature.DESCRIBE));
        addAction(ClipAction.always("clip-delete", "Delete…", "Delete the selected clip", this::confirmDelete), true);
        actionBar.add(ClipAction.always("clip-adjust", "Adjust…", "Adjust the selected clip's in and out on the timeline",
                item -> adjustSelected()), false, vm.whyNot(Capabilities.Feature.ADJUST));
        addAction(ClipAction.always("clip-copy-hls", "Copy HLS link", "Copy the selected clip's HLS link",
                vm::copyHlsLink), false);
        addAction(ClipAction.always("clip-copy-mp4", "Copy MP4 link", "Copy the selected clip's MP4 link",
                vm::copyMp4Link), false);
        addAction(ClipAction.always("clip-reveal", "Reveal in file manager", "Show the clip's folder",
                vm::reveal), false);
        actionBar.add(new ClipAction("clip-keep", "Keep permanent", "Keep a permanent copy of the selected clip",
                c -> c.canKeepProperty().get(), vm::keepPermanent), false, vm.whyNot(Capabilities.Feature.KEEP_LATER));
        BooleanExpression none = vm.clipSelectedProperty().not();
        BooleanExpression notReady = vm.selectedPhaseProperty().isNotEqualTo(ClipPhase.READY);
        SendToMenu send = sendTo(none);
        send.setAccessibleText("Send the selected clip to a destination");
        actionBar.addMenu(send, vm.whyNoDelivery());
        MenuButton social = new MenuButton("Social");
        social.setId("clip-reframe");
        social.getStyleClass().add("clip-action");
        social.setAccessibleText("Make a social version of the selected clip: vertical, square or portrait");
        social.disableProperty().bind(notReady);
        for (ReframeAspect aspect : ReframeAspect.values()) {
            MenuItem item = new MenuItem(switch (aspect) {
                case VERTICAL -> "Vertical 9:16…";
                case SQUARE -> "Square 1:1…";
                case PORTRAIT -> "Portrait 4:5…";
            });
            item.setId("reframe-" + aspect.slug());
            item.setOnAction(e -> on(vm.selectedClipProperty().get(), c -> reframe(c, aspect)));
            social.getItems().add(item);
        }
        actionBar.addMenu(social, vm.whyNot(Capabilities.Feature.REFRAME));
        Label versions = new Label();
        versions.setId("clip-reframes");
        versions.getStyleClass().add("notice");
        versions.textProperty().bind(vm.reframesTextProperty());
        ProgressBar making = new ProgressBar();
        making.setId("clip-reframe-progress");
        making.progressProperty().bind(vm.reframeProgressProperty());
        making.visibleProperty().bind(vm.reframeProgressProperty().greaterThanOrEqualTo(0));
        making.managedProperty().bind(making.visibleProperty());
        HBox reframes = new HBox(6, making, versions);
        reframes.setAlignment(Pos.CENTER_LEFT);
        reframes.managedProperty().bind(versions.textProperty().isNotEmpty());
        reframes.visibleProperty().bind(reframes.managedProperty());
        VBox page = new VBox(6, filter, list, new ReceiptsView(vm.deliveries()), actionBar, reframes);
        page.getStyleClass().add("clips-page");
        return page;
    }

    /**
     * Adds an action on the selected clip to the action bar and the rows' context menu: a button when
     * {@code primary} (keep these few: the panel is narrow), else an item of "More ▾".
     */
    public void addAction(ClipAction action, boolean primary) {
        actionBar.add(action, primary);
    }

    private SendToMenu sendTo(BooleanExpression none) {
        Optional<String> whyNot = vm.whyNoDelivery();
        SendToMenu menu = new SendToMenu(vm.deliveries(), d -> on(vm.selectedClipProperty().get(),
                item -> vm.deliveries().send(item.id(), item.getClip().name(), d)), this::destinations,
                whyNot.isPresent() ? new javafx.beans.property.SimpleBooleanProperty(true) : none);
        return menu;
    }

    /** Settings › Destinations, in the panel's theme. */
    public void destinations() {
        new DestinationsDialog(vm.deliveries(), getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets())).showAndWait();
    }

    private void export(ClipListExport.Format format, String suggested, String kind, String pattern) {
        chooseTarget(suggested, kind, pattern, ClipOutputs.Folder.EXPORT).ifPresent(p -> vm.export(format, p));
    }

    /** "Adjust…" and the desk's A key: the clip's marks on the timeline, or the trim dialog when the DVR lost it. */
    public void adjustSelected() {
        on(vm.selectedClipProperty().get(), item -> vm.adjust(item, this::trim));
    }

    private void trim(ClipItem item) {
        new TrimDialog(item.getClip(), owner(), stylesheets()).showAndWait()
                .ifPresent(range -> vm.trim(item, range.fromMs(), range.toMs()));
    }

    /** The crop window on a still of the clip (decoded off the FX thread), then the version queued. */
    private void reframe(ClipItem item, ReframeAspect aspect) {
        vm.still(item, REFRAME_PICTURE_WIDTH, still -> new ReframeDialog(item.getClip(), still, aspect, owner(),
                stylesheets()).showAndWait().ifPresent(choice -> vm.reframe(item, choice.aspect(), choice.crop())));
    }

    private javafx.stage.Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private List<String> stylesheets() {
        return getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
    }

    private void describe(ClipItem item) {
        new ClipDescribeDialog(item.getClip(), getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets())).showAndWait()
                .ifPresent(edit -> vm.describe(item, edit.title(), edit.tagsLine(), edit.description()));
    }

    private Node videosPage() {
        ListView<VideoItem> list = new ListView<>(vm.videos());
        list.setId("videos-list");
        list.setAccessibleText("Permanent videos");
        list.setCellFactory(v -> new VideoCell());
        list.setPlaceholder(new Label("No permanent videos: tick \"Keep permanent copy\" or press Keep on a clip."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectVideo(now));
        VBox.setVgrow(list, Priority.ALWAYS);

        BooleanExpression none = vm.selectedVideoProperty().isNull();
        GridPane bar = actionGrid(
                button("▶ HLS", "video-preview-hls", none, () -> onVideo(v -> vm.previewVideo(v, PreviewFormat.HLS))),
                button("▶ MP4", "video-preview-mp4", none, () -> onVideo(v -> vm.previewVideo(v, PreviewFormat.MP4))),
                button("Copy HLS", "video-copy-hls", none, () -> onVideo(v -> vm.copyVideoLink(v, PreviewFormat.HLS))),
                button("Copy MP4", "video-copy-mp4", none, () -> onVideo(v -> vm.copyVideoLink(v, PreviewFormat.MP4))),
                button("Save MP4…", "video-save-mp4", none, () -> onVideo(v -> chooseTarget(v.getVideo().name() + ".mp4",
                        "MP4", "*.mp4", ClipOutputs.Folder.MP4).ifPresent(p -> vm.saveVideoMp4(v, p)))),
                button("Delete…", "video-delete", none, () -> onVideo(v -> {
                    if (confirm("Delete the permanent video \"" + v.getVideo().name() + "\"?")) {
                        vm.deleteVideo(v);
                    }
                })));
        VBox page = new VBox(6, list, bar);
        page.getStyleClass().add("clips-page");
        return page;
    }

    private void onVideo(Consumer<VideoItem> action) {
        on(vm.selectedVideoProperty().get(), action);
    }

    private static <T> void on(T item, Consumer<T> action) {
        if (item != null) {
            action.accept(item);
        }
    }

    private void saveMp4(ClipItem item) {
        chooseTarget(item.getClip().name() + ".mp4", "MP4", "*.mp4", ClipOutputs.Folder.MP4)
                .ifPresent(p -> vm.saveMp4(item, p));
    }

    private void confirmDelete(ClipItem item) {
        if (confirm("Delete the clip \"" + item.getClip().name() + "\" and its files now?")) {
            vm.delete(item);
        }
    }

    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        io.clipdesk.ui.theme.Themed.apply(alert.getDialogPane(),
                getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets()));
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** A save chooser opening where the last file of this kind went (the home folder the first time). */
    private Optional<Path> chooseTarget(String suggested, String kind, String pattern, ClipOutputs.Folder folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + kind);
        chooser.setInitialFileName(suggested.replaceAll("[/\\\\:*?\"<>|]", "_"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialDirectory(vm.folderFor(folder).toFile());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        Optional<Path> chosen = Optional.ofNullable(file).map(File::toPath);
        chosen.map(Path::getParent).ifPresent(dir -> vm.rememberFolder(folder, dir));
        return chosen;
    }

    private static GridPane actionGrid(ButtonBase... buttons) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("clip-actions");
        for (int i = 0; i < buttons.length; i++) {
            GridPane.setHgrow(buttons[i], Priority.ALWAYS);
            buttons[i].setMaxWidth(Double.MAX_VALUE);
            grid.add(buttons[i], i % 4, i / 4);
        }
        return grid;
    }

    private static Button button(String text, String id, BooleanExpression disabled, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("clip-action");
        b.disableProperty().bind(disabled);
        b.setAccessibleText(text.replace("▶", "Preview").replace("…", "") + " (selected video)");
        b.setOnAction(e -> action.run());
        return b;
    }

    public ClipsViewModel viewModel() {
        return vm;
    }

    @Override
    public void close() {
        vm.close();
    }
}
