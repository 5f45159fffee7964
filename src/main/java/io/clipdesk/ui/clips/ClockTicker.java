package io.clipdesk.ui.clips;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.util.Duration;

import java.time.Clock;

/**
 * The engine clock's current second as an FX property, for countdowns. It reads the clock four times a second and
 * publishes when the second changes, so bindings recompute once a second and are never more than a quarter second
 * late; after a suspend the first read is right again, because nothing counts ticks. FX thread.
 */
public final class ClockTicker implements AutoCloseable {

    private static final Duration READ_EVERY = Duration.millis(250);

    private final Clock clock;
    private final ReadOnlyLongWrapper nowMs = new ReadOnlyLongWrapper(this, "nowMs");
    private final Timeline timeline;

    public ClockTicker(Clock clock) {
        this.clock = clock;
        read();
        timeline = new Timeline(new KeyFrame(READ_EVERY, e -> read()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    /** Reads the clock now (after an action whose result depends on the time). */
    public void read() {
        nowMs.set(Math.floorDiv(clock.millis(), 1000) * 1000);
    }

    /** The engine clock, floored to the second. */
    public ReadOnlyLongProperty nowMsProperty() {
        return nowMs.getReadOnlyProperty();
    }

    @Override
    public void close() {
        timeline.stop();
    }
}
