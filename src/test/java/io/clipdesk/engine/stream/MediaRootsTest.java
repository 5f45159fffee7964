package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaRootsTest {

    @TempDir
    Path dir;

    private static String refused(MediaRoots roots, Path path) {
        return assertThrows(InvalidRequestException.class, () -> roots.admit(path.toString())).getMessage();
    }

    @Test
    void noRoots_refusesEveryFile_withASentenceSayingHowToAllowFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("a.mp4"), "x");
        MediaRoots none = MediaRoots.only(List.of());
        assertEquals(refused(none, file), refused(none, dir.resolve("absent.mp4")));
        assertTrue(refused(none, file).contains("--media-root DIR"), refused(none, file));
    }

    @Test
    void aFileInARoot_isAdmittedAsTheFileItReallyIs_andAMissingOneDoesNotExist() throws IOException {
        Path root = Files.createDirectories(dir.resolve("media"));
        Path file = Files.writeString(Files.createDirectories(root.resolve("show")).resolve("a.mp4"), "x");
        MediaRoots roots = MediaRoots.only(List.of(root));
        assertEquals(file.toRealPath(), roots.admit(root + "/show/../show/./a.mp4"));
        for (Path missing : List.of(root.resolve("show/b.mp4"), root.resolve("new/b.mp4"))) {
            assertEquals("file " + missing + " does not exist", refused(roots, missing));
        }
    }

    @Test
    void outsideTheRoots_byPath_dotDot_link_orDanglingLink_readsTheSame_whetherTheFileExistsOrNot()
            throws IOException {
        Path root = Files.createDirectories(dir.resolve("media"));
        Path outside = Files.createDirectories(dir.resolve("private"));
        Path secret = Files.writeString(outside.resolve("secret"), "x");
        Files.createSymbolicLink(root.resolve("door"), outside);
        Files.createSymbolicLink(root.resolve("to-secret"), secret);
        Files.createSymbolicLink(root.resolve("to-nothing"), outside.resolve("absent"));
        MediaRoots roots = MediaRoots.only(List.of(root));

        String refusal = refused(roots, secret);
        for (Path path : List.of(outside.resolve("absent"), root.resolve("../private/secret"),
                root.resolve("../private/absent"), root.resolve("door/secret"), root.resolve("door/absent"),
                root.resolve("to-secret"), root.resolve("to-nothing"))) {
            assertEquals(refusal, refused(roots, path), path.toString());
        }
        assertTrue(refusal.contains("--media-root") && !refusal.contains(dir.toString()), refusal);
    }

    @Test
    void anyLocalFile_theDesktop_admitsAFileAnywhere() throws IOException {
        Path file = Files.writeString(dir.resolve("a.mp4"), "x");
        assertEquals(file, MediaRoots.ANY_LOCAL_FILE.admit(file.toString()));
    }

    @Test
    void aRootThatDoesNotExist_isAnOperatorError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MediaRoots.only(List.of(dir.resolve("nowhere"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
