package io.clipdesk.engine.dvr;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reader of the segment being written that gave up on a stalled writer stays ended: a demuxer reading on after its
 * end would otherwise wait out the stall again at every call, and the player with it.
 */
class LiveSegmentReaderTest {

    @Test
    void aReaderThatGaveUpOnAStall_staysEnded_evenWhenBytesComeLater() throws Exception {
        LiveSegment segment = new LiveSegment(1, "media_1_360", 0);
        segment.append(new byte[] {1, 2, 3}, 0, 3);
        InputStream reader = segment.open(50);
        byte[] into = new byte[8];
        assertEquals(3, reader.read(into, 0, 8));
        assertEquals(-1, reader.read(into, 0, 8), "the writer stalled past the limit");

        segment.append(new byte[] {4, 5}, 0, 2);
        assertEquals(-1, reader.read(into, 0, 8), "ended for good");
        InputStream fresh = segment.open(50);
        assertEquals(5, fresh.read(into, 0, 8), "a new reader sees every byte");
    }

    @Test
    void aReaderWaitingForBytes_getsThemAsTheyAreWritten() throws Exception {
        LiveSegment segment = new LiveSegment(1, "media_1_360", 0);
        InputStream reader = segment.open(60_000);
        Thread writer = new Thread(() -> segment.append(new byte[] {7}, 0, 1));
        writer.start();
        byte[] into = new byte[4];
        assertEquals(1, reader.read(into, 0, 4));
        assertEquals(7, into[0]);
        writer.join();
    }
}
