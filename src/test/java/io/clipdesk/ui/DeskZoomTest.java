package io.clipdesk.ui;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How much the desk is enlarged, for the screen it is on and the window's size (the 4K layout). */
class DeskZoomTest {

    @ParameterizedTest(name = "screen {0}x{1}, window {2}x{3}: {4}")
    @CsvSource({
            // full HD and below: the layout as it is
            "1920, 1080, 1920, 1080, 1.0",
            "1366, 768, 1366, 768, 1.0",
            "1280, 720, 1280, 720, 1.0",
            // a 4K screen at 100 %: the full-HD layout, twice as large
            "3840, 2160, 3840, 2160, 2.0",
            // a window on it only as large as a laptop screen keeps the 1280x720 layout at 1x …
            "3840, 2160, 1280, 720, 1.0",
            // … and a full-HD-sized one is enlarged only as far as the layout stays 1280x720 or more
            "3840, 2160, 1920, 1080, 1.5",
            // QHD: in quarter steps
            "2560, 1440, 2560, 1440, 1.25",
            // 5K: never more than twice
            "5120, 2880, 5120, 2880, 2.0",
            // a 4K screen the desktop already scales 200 % reports 1920x1080: nothing on top
            "1920, 1080, 1900, 1000, 1.0"})
    void zoomFor(double screenW, double screenH, double windowW, double windowH, double expected) {
        assertEquals(expected, DeskZoom.zoomFor(screenW, screenH, windowW, windowH), 1e-9);
    }

    @Test
    void theContentIsLaidOutAtTheWindowSizeOverTheZoom_andDrawnEnlarged() {
        Region desk = new Region();
        DeskZoom zoomed = new DeskZoom(desk);
        zoomed.zoomProperty().set(2);
        zoomed.resize(3840, 2160);
        zoomed.layout();
        assertEquals(1920, desk.getWidth(), 1e-9);
        assertEquals(1080, desk.getHeight(), 1e-9);
        assertEquals(3840, desk.getBoundsInParent().getWidth(), 1e-9, "drawn over the whole window");
        assertEquals(2160, desk.getBoundsInParent().getHeight(), 1e-9);
    }
}
