package io.clipdesk.api.http;

import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenFilesTest {

    private final MutableClock clock = MutableClock.atWholeSecond();

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    private static String read(OpenFiles.Lease lease) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate((int) lease.channel().size());
        lease.channel().read(bytes, 0);
        return new String(bytes.array(), StandardCharsets.UTF_8);
    }

    /** A segment as the engine lays it out: data dir, clips, the clip's folder. */
    private static Path segment(Path root, String text) throws Exception {
        return Files.writeString(Files.createDirectories(root.resolve("clips").resolve("c1")).resolve("seg.ts"), text);
    }

    private OpenFiles openFiles(Path root, int max, boolean kernelNames) {
        return new OpenFiles(new Confinement(root), max, clock, kernelNames);
    }

    private static OpenFiles.Lease acquire(OpenFiles open, Path file) throws Exception {
        OpenFiles.Lease kept = open.kept(file);
        return kept != null ? kept : open.acquire(file, attributes(file));
    }

    @ParameterizedTest(name = "kernel names: {0}")
    @ValueSource(booleans = {true, false})
    void sameFile_sharesOneChannel_keptOpenBetweenResponses(boolean kernelNames, @TempDir Path root) throws Exception {
        Path file = segment(root, "segment bytes");
        OpenFiles open = openFiles(root, 16, kernelNames);
        OpenFiles.Lease first = acquire(open, file);
        first.release();
        OpenFiles.Lease second = open.kept(file);
        assertNotNull(second);
        assertSame(first.channel(), second.channel());
        assertEquals(13, second.attributes().size());
        second.release();
        assertTrue(second.channel().isOpen(), "kept for the next response");
        open.close();
        assertFalse(second.channel().isOpen());
    }

    @ParameterizedTest(name = "kernel names: {0}")
    @ValueSource(booleans = {true, false})
    void fileReplacedUnderTheSameName_isOpenedAgain_andTheOldChannelClosesWhenItsResponseIsDone(boolean kernelNames,
            @TempDir Path root) throws Exception {
        Path file = segment(root, "old segment");
        OpenFiles open = openFiles(root, 16, kernelNames);
        OpenFiles.Lease sending = acquire(open, file);
        Files.move(Files.writeString(file.resolveSibling("tmp"), "new segment!"), file,
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertNull(open.kept(file), "the kept channel is of a file no longer there");
        OpenFiles.Lease fresh = acquire(open, file);
        assertNotSame(sending.channel(), fresh.channel());
        assertEquals("new segment!", read(fresh));
        assertEquals("old segment", read(sending), "a response under way finishes with the file it started");
        sending.release();
        assertFalse(sending.channel().isOpen());
        fresh.release();
        assertTrue(fresh.channel().isOpen());
    }

    @ParameterizedTest(name = "kernel names: {0}")
    @ValueSource(booleans = {true, false})
    void folderSwappedForALinkOutOfTheDataDir_isNotServedFromTheKeptChannel(boolean kernelNames, @TempDir Path dir)
            throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path file = segment(root, "segment");
        OpenFiles open = openFiles(root, 16, kernelNames);
        acquire(open, file).release();
        Path folder = file.getParent();
        Path moved = Files.move(folder, dir.resolve("elsewhere"));
        Files.createSymbolicLink(folder, moved);
        assertEquals("segment", Files.readString(file), "the same file, through the link");
        assertNull(open.kept(file));
        Files.delete(folder);
        Files.move(moved, folder);
        assertNotNull(open.kept(file), "back in place, the same channel serves again");
    }

    @ParameterizedTest(name = "kernel names: {0}")
    @ValueSource(booleans = {true, false})
    void deletedFile_isNotServedFromTheKeptChannel(boolean kernelNames, @TempDir Path root) throws Exception {
        Path file = segment(root, "segment");
        OpenFiles open = openFiles(root, 16, kernelNames);
        acquire(open, file).release();
        Files.delete(file);
        assertNull(open.kept(file));
    }

    @Test
    void theKernelNamesAnOpenFile_whereItIsNow(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data")).toRealPath();
        Path file = segment(root, "segment");
        try (FileChannel channel = FileChannel.open(file);
             FileChannel other = FileChannel.open(file)) {
            Path name = OpenFileNames.linkOf(channel, file);
            assertNotNull(name, "found among the process's descriptors");
            assertNotSame(name, OpenFileNames.linkOf(other, file));
            assertFalse(name.equals(OpenFileNames.linkOf(other, file)), "each channel its own descriptor");
            assertEquals(0, channel.position());
            Path moved = Files.move(file.getParent(), dir.resolve("elsewhere"));
            assertEquals(moved.resolve("seg.ts"), OpenFileNames.target(name));
        }
    }

    @Test
    void forgottenFile_closesAfterItsLastResponse(@TempDir Path root) throws Exception {
        Path file = segment(root, "segment");
        OpenFiles open = openFiles(root, 16, true);
        OpenFiles.Lease sending = acquire(open, file);
        Files.delete(file);
        open.forget(file);
        assertTrue(sending.channel().isOpen());
        sending.release();
        assertFalse(sending.channel().isOpen(), "a deleted file's space is not held");
        assertEquals(0, open.openCount());
    }

    @Test
    void idleChannels_areClosedBySweep_busyOnesKept(@TempDir Path root) throws Exception {
        Path idle = segment(root, "a");
        Path busy = Files.writeString(idle.resolveSibling("b.ts"), "b");
        OpenFiles open = openFiles(root, 16, true);
        OpenFiles.Lease idleLease = acquire(open, idle);
        idleLease.release();
        clock.advance(Duration.ofMillis(OpenFiles.IDLE_MS - 1));
        acquire(open, busy).release();
        open.sweep();
        assertTrue(idleLease.channel().isOpen(), "not idle long enough yet");
        clock.advance(Duration.ofMillis(1));
        open.sweep();
        assertFalse(idleLease.channel().isOpen());
        assertEquals(1, open.openCount());
    }

    @Test
    void overTheLimit_dropsChannelsUntilItFits(@TempDir Path root) throws Exception {
        OpenFiles open = openFiles(root, 3, true);
        Path folder = segment(root, "").getParent();
        for (int i = 0; i < 6; i++) {
            Path file = Files.writeString(folder.resolve("s" + i + ".ts"), "segment " + i);
            OpenFiles.Lease lease = acquire(open, file);
            assertEquals("segment " + i, read(lease));
            lease.release();
            assertTrue(open.openCount() <= 3, "open " + open.openCount());
        }
        open.close();
        assertEquals(0, open.openCount());
    }
}
