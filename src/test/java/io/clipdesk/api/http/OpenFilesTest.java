package io.clipdesk.api.http;

import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

    @Test
    void sameFile_sharesOneChannel_keptOpenBetweenResponses(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("seg.ts"), "segment bytes");
        OpenFiles open = new OpenFiles(16, clock);
        OpenFiles.Lease first = open.acquire(file, attributes(file));
        first.release();
        OpenFiles.Lease second = open.acquire(file, attributes(file));
        assertSame(first.channel(), second.channel());
        second.release();
        assertTrue(second.channel().isOpen(), "kept for the next response");
        open.close();
        assertFalse(second.channel().isOpen());
    }

    @Test
    void fileReplacedUnderTheSameName_isOpenedAgain_andTheOldChannelClosesWhenItsResponseIsDone(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("seg.ts"), "old segment");
        OpenFiles open = new OpenFiles(16, clock);
        OpenFiles.Lease sending = open.acquire(file, attributes(file));
        Files.move(Files.writeString(dir.resolve("tmp"), "new segment!"), file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        OpenFiles.Lease fresh = open.acquire(file, attributes(file));
        assertNotSame(sending.channel(), fresh.channel());
        assertEquals("new segment!", read(fresh));
        assertEquals("old segment", read(sending), "a response under way finishes with the file it started");
        sending.release();
        assertFalse(sending.channel().isOpen());
        fresh.release();
        assertTrue(fresh.channel().isOpen());
    }

    @Test
    void forgottenFile_closesAfterItsLastResponse(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("seg.ts"), "segment");
        OpenFiles open = new OpenFiles(16, clock);
        OpenFiles.Lease sending = open.acquire(file, attributes(file));
        Files.delete(file);
        open.forget(file);
        assertTrue(sending.channel().isOpen());
        sending.release();
        assertFalse(sending.channel().isOpen(), "a deleted file's space is not held");
        assertEquals(0, open.openCount());
    }

    @Test
    void idleChannels_areClosedBySweep_busyOnesKept(@TempDir Path dir) throws Exception {
        Path idle = Files.writeString(dir.resolve("a.ts"), "a");
        Path busy = Files.writeString(dir.resolve("b.ts"), "b");
        OpenFiles open = new OpenFiles(16, clock);
        OpenFiles.Lease idleLease = open.acquire(idle, attributes(idle));
        idleLease.release();
        clock.advance(Duration.ofMillis(OpenFiles.IDLE_MS - 1));
        open.acquire(busy, attributes(busy)).release();
        open.sweep();
        assertTrue(idleLease.channel().isOpen(), "not idle long enough yet");
        clock.advance(Duration.ofMillis(1));
        open.sweep();
        assertFalse(idleLease.channel().isOpen());
        assertEquals(1, open.openCount());
    }

    @Test
    void overTheLimit_dropsChannelsUntilItFits(@TempDir Path dir) throws Exception {
        OpenFiles open = new OpenFiles(3, clock);
        for (int i = 0; i < 6; i++) {
            Path file = Files.writeString(dir.resolve("s" + i + ".ts"), "segment " + i);
            OpenFiles.Lease lease = open.acquire(file, attributes(file));
            assertEquals("segment " + i, read(lease));
            lease.release();
            assertTrue(open.openCount() <= 3, "open " + open.openCount());
        }
        open.close();
        assertEquals(0, open.openCount());
    }
}
