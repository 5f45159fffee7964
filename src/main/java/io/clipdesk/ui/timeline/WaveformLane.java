package io.clipdesk.ui.timeline;

import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.ui.dvr.WaveformPyramid;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.Arrays;

/**
 * Paints the DVR's sound in a lane under the thumbnails, mirrored around its middle: the peak pale, the RMS solid
 * inside it. Heights follow decibels from {@value #FLOOR_DB} dBFS to full scale rather than amplitude, so speech at
 * broadcast level fills most of the lane and a pause between two sentences drops to a thin line on the middle: the
 * editor sees where the out mark goes. Where nothing was heard (a gap, no audio) the lane stays empty.
 *
 * <p>One pyramid level with about one bucket per pixel is read, so the cost follows the width, never the DVR's
 * length; the columns are written as pixels into an image (a polygon of thousands of jagged points costs the
 * software rasteriser milliseconds, a blit does not), and the image is kept while neither the view nor the sound
 * changes: the playhead moving during playback repaints the timeline without touching it. FX thread only.
 */
final class WaveformLane {

    static final double FLOOR_DB = -60;

    /** What the image shows; a repaint with an equal key reuses it. */
    private record Key(WaveformPyramid waveform, long startMs, long endMs, int width, int height, long fromMs,
                       long toMs, Paint peak, Paint rms) {
    }

    private Key painted;
    private WritableImage image;
    private int[] pixels = new int[0];
    private float[] peaks = new float[0];
    private float[] rms = new float[0];

    /** Height (0–1 of the half lane) at which a level is drawn. */
    static double heightOf(short level) {
        double amplitude = AudioEnvelope.amplitude(level);
        if (!(amplitude > 0)) {
            return 0;
        }
        double db = 20 * Math.log10(amplitude);
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
    }

    /** Paints the view's part of [{@code fromMs}, {@code toMs}) (the DVR) into the lane at {@code top}. */
    void paint(GraphicsContext g, WaveformPyramid waveform, TimelineScale s, double w, double top, double laneH,
               long fromMs, long toMs, Paint peakPaint, Paint rmsPaint) {
        int width = (int) Math.ceil(w);
        int height = (int) Math.floor(laneH);
        if (waveform == null || waveform.isEmpty() || height < 4 || width < 1 || toMs <= fromMs) {
            return;
        }
        Key key = new Key(waveform, s.startMs(), s.endMs(), width, height, fromMs, toMs, peakPaint, rmsPaint);
        if (!key.equals(painted)) {
            render(key, s);
            painted = key;
        }
        // Pixel for pixel: smoothing would only make the software pipeline filter every pixel on each repaint.
        g.setImageSmoothing(false);
        g.drawImage(image, 0, top);
        g.setImageSmoothing(true);
    }

    private void render(Key key, TimelineScale s) {
        int width = key.width();
        int height = key.height();
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
            pixels = new int[width * height];
            peaks = new float[width];
            rms = new float[width];
        }
        Arrays.fill(peaks, -1);
        Arrays.fill(rms, -1);
        int level = WaveformPyramid.levelFor(s.msPerPx());
        long bucketMs = WaveformPyramid.bucketMs(level);
        key.waveform().visit(level, Math.max(key.fromMs(), s.startMs()), Math.min(key.toMs(), s.endMs()),
                (startMs, peak, r) -> {
                    int x0 = (int) Math.max(0, Math.floor(s.xOf(startMs)));
                    int x1 = (int) Math.min(width - 1, Math.max(x0, Math.ceil(s.xOf(startMs + bucketMs)) - 1));
                    float ph = (float) heightOf(peak);
                    float rh = (float) heightOf(r);
                    for (int x = x0; x <= x1; x++) {
                        peaks[x] = Math.max(peaks[x], ph);
                        rms[x] = Math.max(rms[x], rh);
                    }
                });
        int peakArgb = premultiplied(key.peak());
        int rmsArgb = premultiplied(key.rms());
        double mid = height / 2.0;
        double half = mid - 1;
        for (int x = 0; x < width; x++) {
            // Heard silence keeps half a pixel each side of the middle: a line, unlike the empty unheard lane.
            double peakReach = peaks[x] < 0 ? -1 : Math.max(0.5, peaks[x] * half);
            double rmsReach = rms[x] < 0 ? -1 : Math.max(0.5, rms[x] * half);
            for (int y = 0; y < height; y++) {
                double d = Math.abs(y + 0.5 - mid);
                pixels[y * width + x] = d <= rmsReach ? rmsArgb : d <= peakReach ? peakArgb : 0;
            }
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
    }

    private static int premultiplied(Paint paint) {
        Color c = paint instanceof Color color ? color : Color.GRAY;
        double a = c.getOpacity();
        return (int) Math.round(a * 255) << 24 | (int) Math.round(c.getRed() * a * 255) << 16
                | (int) Math.round(c.getGreen() * a * 255) << 8 | (int) Math.round(c.getBlue() * a * 255);
    }
}
