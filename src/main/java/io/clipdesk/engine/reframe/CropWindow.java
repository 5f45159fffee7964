package io.clipdesk.engine.reframe;

/**
 * The part of a picture a reframe keeps, in the source's pixels: the largest window of the aspect that fits,
 * centred where the editor put it and kept inside the picture; even sizes and offsets, as 4:2:0 chroma needs. The
 * desk draws it and the encoder crops it with this one computation.
 */
public record CropWindow(int x, int y, int width, int height) {

    public static CropWindow of(ReframeAspect aspect, int sourceWidth, int sourceHeight, double centerX,
                                double centerY) {
        int height = sourceHeight;
        int width = (int) Math.round((double) sourceHeight * aspect.width() / aspect.height());
        if (width > sourceWidth) {
            width = sourceWidth;
            height = (int) Math.round((double) sourceWidth * aspect.height() / aspect.width());
        }
        width = Math.max(2, width & ~1);
        height = Math.max(2, height & ~1);
        int x = clamp((int) Math.round(centerX * sourceWidth - width / 2.0), sourceWidth - width) & ~1;
        int y = clamp((int) Math.round(centerY * sourceHeight - height / 2.0), sourceHeight - height) & ~1;
        return new CropWindow(x, y, width, height);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
