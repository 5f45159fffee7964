package io.clipdesk.ui.sound;

import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static io.clipdesk.testing.OnFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the meters are redrawn, pulse by pulse (the pulse times are given, so nothing here depends on the machine's
 * pace): with the picture beside them when it changes, at least 20 times a second when no picture comes, never
 * when what they show did not change.
 */
class LevelMetersViewTest {

    private static final long PULSE_NANOS = 1_000_000_000L / 60;
    private static final Levels QUIET = new Levels(-40, -40, -45, -45);

    private final SimpleLongProperty pictures = new SimpleLongProperty();

    /** Levels that differ on every pulse by several pixels of the bars. */
    private static Levels level(int pulse) {
        double db = -50 + 2 * (pulse % 20);
        return new Levels(db, db, db - 6, db - 6);
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private LevelMetersView meters() {
        LevelMetersView view = new LevelMetersView(() -> QUIET, pictures);
        view.resize(86, 362);
        view.layout();
        return view;
    }

    @Test
    void whilePlaying_theMetersAreRedrawnOnThePulsesThatShowANewPicture_andOnNoOther() {
        fx(() -> {
            LevelMetersView view = meters();
            long redrawsOnOtherPulses = 0;
            long start = view.redraws();
            long now = 0;
            for (int pulse = 0; pulse < 60; pulse++) {
                now += PULSE_NANOS;
                boolean newPicture = pulse % 5 == 0 || pulse % 5 == 2; // 24 of 60 pulses, as 25 fps on 60 Hz
                if (newPicture) {
                    pictures.set(pictures.get() + 1);
                }
                long before = view.redraws();
                view.update(level(pulse), now); // what they show changes on every pulse
                if (view.redraws() > before && !newPicture) {
                    redrawsOnOtherPulses++;
                }
            }
            assertEquals(0, redrawsOnOtherPulses, "a redraw on a pulse of its own is a render pass of its own");
            assertEquals(24, view.redraws() - start, "one redraw with each new picture");
            return null;
        });
    }

    @Test
    void withoutPictures_changingMetersAreRedrawnAtLeast20TimesASecond() {
        fx(() -> {
            LevelMetersView view = meters();
            long start = view.redraws();
            long now = 0;
            long longestGap = 0;
            long drawnAt = 0;
            for (int pulse = 0; pulse < 60; pulse++) {
                now += PULSE_NANOS;
                long before = view.redraws();
                view.update(level(pulse), now);
                if (view.redraws() > before) {
                    longestGap = Math.max(longestGap, now - drawnAt);
                    drawnAt = now;
                }
            }
            long redraws = view.redraws() - start;
            assertTrue(redraws >= 20, "paused or in slow motion the meters still move: " + redraws + " in 1 s");
            assertTrue(longestGap <= 50_000_000L, "longest wait " + longestGap / 1e6 + " ms");
            return null;
        });
    }

    @Test
    void stillMeters_areNotRedrawn_evenWithNewPictures() {
        fx(() -> {
            LevelMetersView view = meters();
            long now = 0;
            view.update(QUIET, now);
            long start = view.redraws();
            for (int pulse = 0; pulse < 60; pulse++) {
                now += PULSE_NANOS;
                pictures.set(pictures.get() + 1);
                view.update(QUIET, now);
            }
            assertEquals(0, view.redraws() - start);
            return null;
        });
    }
}
