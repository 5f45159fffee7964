package io.clipdesk.ui.quick;

import io.clipdesk.app.EmbeddedDesk;
import io.clipdesk.app.Engines;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuickMarkerSettingsTest {

    @Test
    void editedMarkers_outliveAnEngineRestart_inTheDataDirsDatabase(@TempDir Path dir) {
        List<QuickMarker> edited = new ArrayList<>(QuickMarker.PRESETS);
        edited.set(0, new QuickMarker("Try", 25, 12));
        edited.set(7, new QuickMarker("Tab\there", 3, 4));
        MutableClock clock = MutableClock.atWholeSecond();
        try (ClipEngine engine = Engines.open(dir, clock, 1000)) {
            assertEquals(QuickMarker.PRESETS, QuickMarkerSettings.load(new EmbeddedDesk(engine, "")), "presets until edited");
            QuickMarkerSettings.save(new EmbeddedDesk(engine, ""), edited);
        }
        try (ClipEngine reopened = Engines.open(dir, clock, 1000)) {
            List<QuickMarker> loaded = QuickMarkerSettings.load(new EmbeddedDesk(reopened, ""));
            assertEquals(new QuickMarker("Try", 25, 12), loaded.get(0));
            assertEquals(new QuickMarker("Tab here", 3, 4), loaded.get(7), "a tab in a label cannot split the record");
            assertEquals(edited.subList(1, 7), loaded.subList(1, 7));
        }
    }

    @Test
    void unreadableStoredText_fallsBackToThePresets() {
        assertEquals(QuickMarker.PRESETS, QuickMarkerSettings.decode("Goal\tten\t5\n"));
        assertEquals(QuickMarker.PRESETS, QuickMarkerSettings.decode("Goal\t0\t0\n"));
        assertEquals(QuickMarker.PRESETS, QuickMarkerSettings.decode(""));
    }
}
