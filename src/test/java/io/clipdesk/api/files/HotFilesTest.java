package io.clipdesk.api.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotFilesTest {

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    /** As MediaSender asks: the file's attributes and the file open. */
    private static byte[] bytes(HotFiles hot, Path file) throws Exception {
        try (FileChannel open = FileChannel.open(file)) {
            return hot.bytes(file, attributes(file), open);
        }
    }

    @Test
    void sameFile_isServedFromMemory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("seg.ts"), "segment bytes");
        HotFiles hot = new HotFiles(1 << 20);
        byte[] first = bytes(hot, file);
        assertSame(first, bytes(hot, file));
    }

    @Test
    void fileReplacedUnderTheSameName_isReadAgain(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rec_x_master.mp4"), "old clip");
        HotFiles hot = new HotFiles(1 << 20);
        bytes(hot, file);
        Path replacement = Files.writeString(dir.resolve("tmp"), "new clip!");
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals("new clip!", new String(bytes(hot, file), StandardCharsets.UTF_8));
    }

    @Test
    void overBudget_dropsCopiesUntilItFits(@TempDir Path dir) throws Exception {
        HotFiles hot = new HotFiles(2500);
        for (int i = 0; i < 5; i++) {
            Path file = Files.write(dir.resolve("s" + i + ".ts"), new byte[1000]);
            bytes(hot, file);
            assertTrue(hot.heldBytes() <= 2500, "held " + hot.heldBytes());
        }
    }
}
