package io.clipdesk.media.decode;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.testing.RecordedSignal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sound at a join of two DVR segments, on real test-signal segments (1 s, so each starts on a whole second, with
 * the beep). A decoder started cold on a segment fades its first AAC frame in from silence — heard as a tick at every
 * join; opened after the segment before it, it decodes that first frame as a decoder going on would.
 */
class FfmpegSoundDecoderJoinTest {

    private static final Rendition RENDITION = RecordedSignal.RENDITION;

    @TempDir
    static Path dir;
    static List<SegmentDraft> recorded;

    @BeforeAll
    static void record() {
        recorded = RecordedSignal.record(dir, 1000, 3);
    }

    @Test
    void openedAfterTheSegmentBefore_itsFirstSoundIsWhole_andOpenedAloneItStartsSilent() throws Exception {
        SoundDecoder decoder = new FfmpegSoundDecoder();
        SegmentMedia one = media(1);
        SegmentMedia two = media(2);
        // The reference: both segments' bytes as one stream, decoded without a break.
        byte[] both = concat(Files.readAllBytes(file(1)), Files.readAllBytes(file(2)));
        short[] continuous = from(decoder.open(SegmentMedia.of("both", both), 1).orElseThrow(),
                recorded.get(2).startMs() - recorded.get(1).startMs(), 960);
        short[] alone = from(decoder.open(two, 1).orElseThrow(), 0, 960);
        short[] after = from(decoder.openAfter(two, one, 1).orElseThrow(), 0, 960);

        assertTrue(peak(continuous, 0, 960) > 1000, "the reference has the beep at the join");
        assertTrue(zeros(alone) >= 400, "opened alone, the first AAC frame starts silent (the defect this guards): "
                + zeros(alone) + " zero samples of 960");
        assertEquals(0, peak(diff(after, continuous), 0, 960), 64,
                "opened after the segment before, the join sounds as decoded without a break");
    }

    /** {@code frames} stereo frames of the cursor's sound from {@code offsetMs} on, left channel. */
    private static short[] from(SoundDecoder.Cursor cursor, long offsetMs, int frames) {
        short[] out = new short[frames];
        int n = 0;
        try (cursor) {
            for (SoundDecoder.Block b = cursor.next(); b != null && n < frames; b = cursor.next()) {
                long firstFrame = (offsetMs * 1000 - b.offsetUs()) * SoundDecoder.SAMPLE_RATE / 1_000_000;
                for (int f = (int) Math.max(0, firstFrame); f < b.frames() && n < frames; f++) {
                    out[n++] = b.samples()[f * SoundDecoder.CHANNELS];
                }
            }
        }
        assertEquals(frames, n, "sound enough after " + offsetMs + " ms");
        return out;
    }

    private static int zeros(short[] s) {
        int z = 0;
        while (z < s.length && s[z] == 0) {
            z++;
        }
        return z;
    }

    private static int peak(short[] s, int from, int to) {
        int p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(s[i]));
        }
        return p;
    }

    private static short[] diff(short[] a, short[] b) {
        short[] d = new short[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a[i] - b[i]));
        }
        return d;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path file(int i) {
        return recorded.get(i).renditionFiles().get(RENDITION.name());
    }

    private static SegmentMedia media(int i) {
        return SegmentMedia.read(file(i));
    }
}
