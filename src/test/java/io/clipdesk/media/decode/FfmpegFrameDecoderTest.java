package io.clipdesk.media.decode;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FfmpegFrameDecoderTest {

    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    static Path dir;
    static Path testsrc;
    static Path red;

    private final FrameDecoder decoder = new FfmpegFrameDecoder();

    @BeforeAll
    static void makeSegments() throws Exception {
        testsrc = ffmpeg("testsrc2=size=320x180:rate=25:duration=2", "testsrc.ts");
        red = ffmpeg("color=c=red:size=320x180:rate=25:duration=1", "red.ts");
    }

    @Test
    void next_redSegment_decodesOpaqueRedPixels() {
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(red, W, H)) {
            assertEquals(0, cursor.next(argb));
        }
        int pixel = argb[H / 2 * W + W / 2];
        assertEquals(0xFF, pixel >>> 24, "alpha");
        assertTrue(((pixel >> 16) & 0xFF) > 200, "red channel of " + Integer.toHexString(pixel));
        assertTrue((pixel & 0xFF) < 40, "blue channel of " + Integer.toHexString(pixel));
    }

    @Test
    void next_oddPictureWidth_fillsEveryRowToTheRightEdge() {
        int w = 330;
        int h = 186;
        int[] argb = new int[w * h];
        try (FrameDecoder.Cursor cursor = decoder.open(red, w, h)) {
            cursor.next(argb);
        }
        for (int y = 0; y < h; y += 37) {
            int rightEdge = argb[y * w + w - 2];
            assertTrue(((rightEdge >> 16) & 0xFF) > 200, "row " + y + " right edge " + Integer.toHexString(rightEdge));
            assertTrue((rightEdge & 0xFF) < 40, "row " + y + " right edge " + Integer.toHexString(rightEdge));
        }
    }

    @Test
    void next_twoSecondSegment_yieldsFiftyFramesFromZeroThenEnd() {
        List<Long> offsets = new ArrayList<>();
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(testsrc, W, H)) {
            for (long at = cursor.next(argb); at >= 0; at = cursor.next(argb)) {
                offsets.add(at);
            }
            assertEquals(40_000, cursor.frameDurationUs());
        }
        assertEquals(50, offsets.size());
        assertEquals(0L, offsets.get(0));
        assertEquals(49 * 40_000L, offsets.get(49));
    }

    @Test
    void seek_intoTheSegment_showsTheSamePictureAsPlayingForward() {
        int[] played = new int[W * H];
        int[] sought = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(testsrc, W, H)) {
            long at;
            do {
                at = cursor.next(played);
            } while (at < 1_240_000);
        }
        try (FrameDecoder.Cursor cursor = decoder.open(testsrc, W, H)) {
            assertEquals(1_240_000, cursor.seek(1_250_000, sought));
        }
        assertArrayEquals(played, sought);
    }

    @Test
    void seek_backwards_reopensAndFindsTheEarlierFrame() {
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(testsrc, W, H)) {
            assertEquals(1_600_000, cursor.seek(1_600_000, argb));
            assertEquals(400_000, cursor.seek(400_000, argb));
            assertEquals(440_000, cursor.next(argb));
        }
    }

    @Test
    void seek_pastTheEnd_givesTheLastFrame() {
        int[] argb = new int[W * H];
        try (FrameDecoder.Cursor cursor = decoder.open(testsrc, W, H)) {
            assertEquals(1_960_000, cursor.seek(60_000_000, argb));
        }
    }

    @Test
    void open_missingSegment_isAMediaException() {
        assertThrows(MediaException.class, () -> decoder.open(dir.resolve("gone.ts"), W, H));
    }

    static Path ffmpeg(String lavfi, String name) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", lavfi,
                "-c:v", "libx264", "-g", "25", "-pix_fmt", "yuv420p", "-f", "mpegts", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }
}
