package io.clipdesk.media.testsignal;

import io.clipdesk.engine.stream.Rendition;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test signal repaints, copies and halves only what changed per frame; these compare that, frame by frame,
 * with the whole picture painted and converted afresh: across flashes, the sweep wrapping, the box bouncing off
 * every edge and the clock rolling over midnight.
 */
class TestPatternRegionsTest {

    /** 23:59:50 local: the clock's every digit changes within the run. */
    private static final long START_MS_OF_DAY = 86_390_000L;
    private static final int FRAMES = 400;

    private static long msOfDay(int frame) {
        return Math.floorMod(START_MS_OF_DAY + frame * 40L, 86_400_000L);
    }

    @Test
    void paintingOnlyTheChangedRegions_givesTheWholeRepaintsPicture() {
        TestPattern regions = new TestPattern("regions");
        TestPattern whole = new TestPattern("regions");
        int partial = 0;
        for (int frame = 0; frame < FRAMES; frame++) {
            boolean flash = msOfDay(frame) % 1000 == 0;
            regions.paint(frame, msOfDay(frame), flash);
            whole.invalidate();
            whole.paint(frame, msOfDay(frame), flash);
            assertArrayEquals(whole.lumaPlane(), regions.lumaPlane(), "luma of frame " + frame);
            assertArrayEquals(whole.cbPlane(), regions.cbPlane(), "Cb of frame " + frame);
            assertArrayEquals(whole.crPlane(), regions.crPlane(), "Cr of frame " + frame);
            int area = regions.damage().stream().mapToInt(r -> (r.x1() - r.x0()) * (r.y1() - r.y0())).sum();
            if (area < TestPattern.WIDTH * TestPattern.HEIGHT / 4) {
                partial++;
            }
        }
        assertTrue(partial > FRAMES * 9 / 10, "most frames repaint little: " + partial + " of " + FRAMES);
    }

    @Test
    void framesUpdatedByRegion_equalFramesConvertedWhole_andTheHalfSizeIsTheMeanOf2x2Blocks() {
        List<Rendition> ladder = Rendition.DEFAULT_LADDER;
        TestPattern regions = new TestPattern("frames");
        TestPattern whole = new TestPattern("frames");
        try (PictureScaler byRegion = new PictureScaler(TestPattern.WIDTH, TestPattern.HEIGHT, ladder);
             PictureScaler byWhole = new PictureScaler(TestPattern.WIDTH, TestPattern.HEIGHT, ladder)) {
            for (int frame = 0; frame < 120; frame++) {
                boolean flash = msOfDay(frame) % 1000 == 0;
                regions.paint(frame, msOfDay(frame), flash);
                whole.invalidate();
                whole.paint(frame, msOfDay(frame), flash);
                List<AVFrame> got = byRegion.convert(regions);
                List<AVFrame> expected = byWhole.convert(whole);
                for (int i = 0; i < ladder.size(); i++) {
                    for (int plane = 0; plane < 3; plane++) {
                        assertArrayEquals(plane(expected.get(i), plane), plane(got.get(i), plane),
                                ladder.get(i).name() + " plane " + plane + " of frame " + frame);
                    }
                }
            }
            byte[] full = plane(byRegion.convert(regions).get(1), 0);
            byte[] half = plane(byRegion.convert(regions).get(0), 0);
            int w = TestPattern.WIDTH;
            for (int[] at : new int[][] {{0, 0}, {100, 50}, {319, 179}, {639, 359}}) {
                int x = at[0];
                int y = at[1];
                int sum = (full[2 * y * w + 2 * x] & 0xFF) + (full[2 * y * w + 2 * x + 1] & 0xFF)
                        + (full[(2 * y + 1) * w + 2 * x] & 0xFF) + (full[(2 * y + 1) * w + 2 * x + 1] & 0xFF);
                assertEquals((sum + 2) / 4, half[y * (w / 2) + x] & 0xFF, "360p luma at " + x + "," + y);
            }
        }
    }

    private static byte[] plane(AVFrame frame, int index) {
        int w = index == 0 ? frame.width() : frame.width() / 2;
        int h = index == 0 ? frame.height() : frame.height() / 2;
        byte[] bytes = new byte[w * h];
        for (int row = 0; row < h; row++) {
            frame.data(index).position((long) row * frame.linesize(index)).get(bytes, row * w, w);
        }
        return bytes;
    }
}
