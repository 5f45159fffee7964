package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.ui.clips.export.ClipListExport;
import io.clipdesk.ui.clips.preview.PreviewViewModel;
import javafx.scene.control.Label;
import javafx.scene.media.MediaPlayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.clipdesk.ui.clips.PanelFixture.STREAM;
import static io.clipdesk.ui.clips.PanelFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clips panel's actions and preview, clicked through TestFX on a real engine and API (see {@link PanelFixture}). */
class ClipsPanelTest extends FxRobot {

    @TempDir
    static Path dir;
    private static PanelFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PanelFixture(dir, Duration.ofSeconds(12));
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    @Test
    void savedMp4_getsTheUsersUmask_not_theClipStoresOwnerOnlyMode_andTheNextChooserOpensInItsFolder()
            throws Exception {
        Clip clip = f.readyClip("Shared");
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Path target = folder.resolve("shared.mp4");
        fx(() -> {
            f.vm().saveMp4(f.item(clip.id()), target);
            f.vm().rememberFolder(ClipOutputs.Folder.MP4, folder);
            return null;
        });
        f.await("the saved MP4", () -> Files.exists(target) && fx(() -> f.vm().noticeProperty().get())
                .startsWith("Saved shared.mp4"));
        int umask = umask();
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission p : Files.getPosixFilePermissions(target)) {
            mode |= 1 << (8 - p.ordinal());
        }
        assertEquals(Integer.toOctalString(0666 & ~umask), Integer.toOctalString(mode),
                "0666 less the umask " + Integer.toOctalString(umask));
        if (umask == 0022) {
            assertEquals("644", Integer.toOctalString(mode), "under umask 022");
        }
        assertTrue(Ffprobe.durationS(target) > 1, "a whole, playable MP4");
        assertEquals(folder, fx(() -> f.vm().folderFor(ClipOutputs.Folder.MP4)));
        assertEquals(Path.of(System.getProperty("user.home")), fx(() -> f.vm().folderFor(ClipOutputs.Folder.EXPORT)),
                "each kind keeps its own folder");
    }

    /** This process's umask, as the kernel reports it. */
    private static int umask() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Umask:"))
                .map(l -> Integer.parseInt(l.substring(6).strip(), 8)).findFirst().orElseThrow();
    }

    @Test
    void keep_makesAPermanentVideo_shownOnTheClipAndInTheVideosList() {
        Clip clip = f.readyClip("Keeper");
        f.select(this, clip);
        clickOn("#clip-more");
        clickOn("Keep permanent");
        f.await("VOD on the clip", () -> fx(() -> f.item(clip.id()).vodTextProperty().get()).startsWith("VOD "));
        long videoId = f.engine.clips().get(clip.id()).videoId();
        f.await("the video listed", () -> fx(() -> f.vm().videos().stream().anyMatch(v -> v.id() == videoId)));
        f.await("VOD ready", () -> fx(() -> f.item(clip.id()).vodTextProperty().get()).equals("VOD ready"));
    }

    @Test
    void previewHls_ofAReadyClip_plays_andShowsWallClockTime() {
        Clip clip = f.readyClip("HLS preview");
        f.select(this, clip);
        clickOn("#clip-preview-hls");
        assertPlays(clip, "_master.m3u8");

        fx(() -> {
            f.preview().chooseRendition("media_1_360");
            return null;
        });
        assertPlays(clip, "_media_1_360.m3u8");
    }

    @Test
    void previewMp4_ofAReadyClip_plays() {
        Clip clip = f.readyClip("MP4 preview");
        f.select(this, clip);
        clickOn("#clip-preview-mp4");
        assertPlays(clip, "_master.mp4");
    }

    @Test
    void copyHlsLink_putsTheAbsoluteMasterUrlOnTheClipboard() {
        Clip clip = f.readyClip("Links");
        f.select(this, clip);
        clickOn("#clip-more");
        clickOn("Copy HLS link");
        f.await("the copy", () -> !f.copied.isEmpty());
        assertEquals(f.server.baseUrl() + "/rec/1/rec_" + clip.id() + "_master.m3u8",
                f.copied.get(f.copied.size() - 1));
    }

    @Test
    void delete_afterConfirmation_removesTheClipFromEngineAndList() {
        Clip clip = f.readyClip("Doomed");
        f.select(this, clip);
        clickOn("#clip-delete");
        clickOn("OK");
        f.await("the clip gone from the list", () -> fx(() -> f.item(clip.id()) == null));
        assertTrue(f.engine.clips().list(STREAM).stream().noneMatch(c -> c.id().equals(clip.id())));
    }

    @Test
    void saveMp4_copiesTheClipsMp4_andTheExportsOfTheFilteredList_referenceItsFile() throws Exception {
        Clip clip = f.readyClip("Saved");
        Path mp4 = dir.resolve("saved.mp4");
        Path csv = dir.resolve("clips.csv");
        Path edl = dir.resolve("clips.edl");
        f.select(this, clip);
        fx(() -> {
            f.vm().saveMp4(f.item(clip.id()), mp4);
            f.vm().filterProperty().set("saved");
            f.vm().export(ClipListExport.Format.CSV, csv);
            f.vm().export(ClipListExport.Format.EDL, edl);
            return null;
        });
        f.await("the exports", () -> Files.exists(edl) && fx(() -> f.vm().noticeProperty().get())
                .equals("Exported 1 clip to clips.edl."));
        fx(() -> {
            f.vm().filterProperty().set("");
            return null;
        });
        assertEquals(5.0, Ffprobe.durationS(mp4), 1.1, "the clip's 5 s, segment aligned");

        List<String> rows = Files.readAllLines(csv);
        assertEquals(List.of(ClipListExport.CSV_HEADER, "0,5,Saved,"), rows.stream()
                .map(r -> r.startsWith("0,5,Saved,") ? "0,5,Saved," : r).toList(), "the filtered list only");
        String edlText = Files.readString(edl);
        String fileLine = edlText.lines().filter(l -> l.startsWith("* SOURCE FILE: ")).findFirst().orElseThrow();
        Path referenced = Path.of(java.net.URI.create(fileLine.substring("* SOURCE FILE: ".length())));
        assertTrue(Files.isRegularFile(referenced), "the EDL names the clip's MP4 on disk: " + referenced);
        assertTrue(referenced.getFileName().toString().endsWith(clip.id() + "_master.mp4"), referenced.toString());
    }

    /** Real playback: the position advances (JavaFX media with the test signal's tone needs an audio sink). */
    private void assertPlays(Clip clip, String urlEnd) {
        PreviewViewModel preview = f.preview();
        f.await("the preview URL", () -> fx(() -> preview.urlProperty().get()).endsWith(urlEnd));
        f.await("playback past 0.5 s", () -> fx(preview::getPositionMs) > 500);
        long first = fx(preview::getPositionMs);
        f.await("playback advancing", () -> fx(preview::getPositionMs) > first + 300);
        assertEquals(MediaPlayer.Status.PLAYING, fx(() -> preview.playerProperty().get().getStatus()));
        String wall = fx(() -> lookup("#preview-wall-time").queryAs(Label.class).getText());
        assertTrue(wall.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d"), wall);
    }
}
