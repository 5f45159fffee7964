package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.video.Video;
import io.clipdesk.ui.clips.export.ClipListExport;
import io.clipdesk.ui.clips.export.CutTimes;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.clips.preview.PreviewFormat;
import io.clipdesk.ui.clips.preview.PreviewSource;
import io.clipdesk.ui.threads.EngineLane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What leaves the clips panel: links put on the clipboard, MP4s saved, clip lists exported for an editing suite, and
 * the folder each kind of file last went to (kept in the engine's settings, so the next chooser opens there).
 */
public final class ClipOutputs {

    /** The kinds of file the panel saves, each remembering the folder the last one went to. */
    public enum Folder {
        MP4("ui.folder.mp4"), EXPORT("ui.folder.export");

        private final String key;

        Folder(String key) {
            this.key = key;
        }
    }

    private final Map<Folder, Path> folders = new EnumMap<>(Folder.class);
    private final DeskBackend engine;
    private final long streamId;
    private final MediaLinks links;
    private final DesktopShell shell;
    private final EngineLane lane;
    private final ZoneId zone;
    private final PanelNotice notice;

    ClipOutputs(DeskBackend engine, long streamId, MediaLinks links, DesktopShell shell, EngineLane lane,
                PanelNotice notice) {
        this.engine = engine;
        this.streamId = streamId;
        this.links = links;
        this.shell = shell;
        this.lane = lane;
        this.zone = engine.zone();
        this.notice = notice;
    }

    /** Reads the folders kept from earlier runs; one the editor chose meanwhile wins. */
    void loadFolders() {
        lane.call(() -> {
            Map<Folder, Path> stored = new EnumMap<>(Folder.class);
            for (Folder f : Folder.values()) {
                engine.setting(f.key).map(Path::of).filter(Files::isDirectory).ifPresent(p -> stored.put(f, p));
            }
            return stored;
        }, stored -> stored.forEach(folders::putIfAbsent), e -> { });
    }

    /** Where a chooser for {@code kind} opens: the folder the last such file went to, else the home folder. */
    Path folderFor(Folder kind) {
        Path last = folders.get(kind);
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The editor saved a file of {@code kind} into {@code folder}: the next chooser opens there, this run and next. */
    void rememberFolder(Folder kind, Path folder) {
        folders.put(kind, folder);
        lane.run(() -> engine.putSetting(kind.key, folder.toString()));
    }

    void copyHlsLink(Clip clip) {
        copy("HLS", links.clip(clip).hlsMaster());
    }

    void copyMp4Link(Clip clip) {
        copy("MP4", links.clip(clip).mp4Master());
    }

    void copyVideoLink(Video video, PreviewFormat format) {
        PreviewSource.Links media = links.video(video);
        copy(format.name(), format == PreviewFormat.HLS ? media.hlsMaster() : media.mp4Master());
    }

    private void copy(String what, String url) {
        if (url.isEmpty()) {
            notice.set("No " + what + " link: the engine's HTTP address is unknown.");
            return;
        }
        shell.copy(url);
        notice.set(what + " link copied: " + url);
    }

    /** Opens the clip's folder in the desktop's file manager, where the engine has it on this machine. */
    void reveal(Clip clip) {
        Optional<Path> local = engine.clipFolder(clip);
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
        }, notice::set, notice::failed);
    }

    /** Copies the clip's MP4 (highest rendition) to {@code target}. */
    void saveMp4(Clip clip, Path target) {
        save(() -> engine.openClipMp4(clip), target);
    }

    void saveVideoMp4(Video video, Path target) {
        String top = video.renditions().stream().max(Comparator.comparingInt(MediaLinks::height)).orElse("");
        save(() -> engine.openVideoMp4(video, top), target);
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
        }, notice::set, notice::failed);
    }

    /** The clips {@code shown} (by id), in {@code format}, referencing their MP4s ({@link #mediaUrl}) where it does. */
    void export(ClipListExport.Format format, Path target, Set<String> shown) {
        lane.call(() -> {
            List<Clip> list = engine.clips(streamId).stream().filter(c -> shown.contains(c.id())).toList();
            long dvrStartMs = engine.state(streamId).window().startMs();
            write(target, new ClipListExport(list, dvrStartMs, links, zone).render(format,
                    "Clipdesk stream " + streamId + " clips", CutTimes.DEFAULT_FPS, this::mediaUrl));
            return "Exported " + list.size() + (list.size() == 1 ? " clip" : " clips") + " to " + target.getFileName()
                    + ".";
        }, notice::set, notice::failed);
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

    private static void write(Path target, String text) {
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
