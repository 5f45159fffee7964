package io.clipdesk.ui.timeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repaints a 1600 px timeline over a 4 h DVR of 2 s segments (7,200 segments, 200 clips), without and with its
 * waveform, and prints the time per repaint; the assertions check the culling that makes it fast: only visible thumbnails are asked for.
 */
class TimelineRepaintBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void paint_fourHourDvrZoomedToTenMinutes_asksOnlyForVisibleThumbnails() throws Exception {
        TimelineRepaint.Result r = TimelineRepaint.measure(dir);
        System.out.printf("timeline repaint, 1600 px, 4 h DVR (7200 segments, 200 clips): paint 10 min visible "
                        + "median %.3f ms, whole 4 h visible median %.3f ms; paint + software rasterisation "
                        + "(snapshot) median %.3f ms%n", r.tenMinutesMs(), r.fourHoursMs(), r.rasterMs());
        TimelineRepaint.Waveform wave = r.waveform();
        System.out.printf("  with 4 h of waveform (without): paint 10 s %.3f (%.3f) ms, 10 min %.3f (%.3f) ms, "
                        + "10 min panning %.3f (%.3f) ms, 4 h %.3f (%.3f) ms; paint + rasterisation at 10 min %.3f "
                        + "(%.3f) ms%n", wave.tenSecondsMs()[0], wave.tenSecondsMs()[1], wave.tenMinutesMs()[0],
                wave.tenMinutesMs()[1], wave.panningMs()[0], wave.panningMs()[1], wave.fourHoursMs()[0],
                wave.fourHoursMs()[1], wave.rasterMs()[0], wave.rasterMs()[1]);
        double laneH = TimelineRepaint.HEIGHT - TimelinePainter.RULER_H - TimelinePainter.CLIPS_H
                - TimelinePainter.OVERVIEW_H - TimelinePainter.WAVE_H;
        int slotsOn1600px = (int) Math.ceil(1600 / (laneH * 16 / 9)) + 2;
        assertTrue(r.thumbnailsAsked() <= slotsOn1600px, r.thumbnailsAsked() + " thumbnails asked for "
                + slotsOn1600px + " slots");
        assertTrue(r.thumbnailsAsked() >= slotsOn1600px - 4, "the visible slots are filled: " + r.thumbnailsAsked());
    }
}
