package io.clipdesk.media.testsignal;

import java.awt.image.BufferedImage;

/** BT.709 limited-range YUV of 0xRRGGBB colours, the encoders' declared colour space. */
final class Yuv {

    private Yuv() {
    }

    static int luma(int rgb) {
        return (int) Math.round(16 + 219 * lumaOf(rgb));
    }

    static int cb(int rgb) {
        return chroma(((rgb & 0xFF) / 255.0 - lumaOf(rgb)) / 1.8556);
    }

    static int cr(int rgb) {
        return chroma(((rgb >> 16 & 0xFF) / 255.0 - lumaOf(rgb)) / 1.5748);
    }

    private static double lumaOf(int rgb) {
        return (0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255.0;
    }

    private static int chroma(double difference) {
        return (int) Math.max(16, Math.min(240, Math.round(128 + 224 * difference)));
    }

    /** Converts a whole picture; chroma from the mean colour of each 2x2 block. */
    static void fromRgb(BufferedImage image, byte[] yPlane, byte[] uPlane, byte[] vPlane) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            yPlane[i] = (byte) luma(rgb[i]);
        }
        for (int row = 0; row < h / 2; row++) {
            for (int col = 0; col < w / 2; col++) {
                int r = 0;
                int gr = 0;
                int b = 0;
                for (int k = 0; k < 4; k++) {
                    int p = rgb[(2 * row + k / 2) * w + 2 * col + k % 2];
                    r += p >> 16 & 0xFF;
                    gr += p >> 8 & 0xFF;
                    b += p & 0xFF;
                }
                int mean = (r + 2) / 4 << 16 | (gr + 2) / 4 << 8 | (b + 2) / 4;
                uPlane[row * (w / 2) + col] = (byte) cb(mean);
                vPlane[row * (w / 2) + col] = (byte) cr(mean);
            }
        }
    }
}
