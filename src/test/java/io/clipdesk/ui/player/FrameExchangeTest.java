package io.clipdesk.ui.player;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameExchangeTest {

    private final FrameExchange exchange = new FrameExchange(2, 1);

    private void queue(long ms, boolean now) {
        exchange.writeBuffer()[0] = (int) ms;
        exchange.publish(ms, now);
    }

    @Test
    void aPictureThatFollowsTheSound_waitsUntilItsTimeIsHeard() {
        queue(1000, false);
        assertFalse(exchange.take(999), "not heard yet");
        assertTrue(exchange.take(1000));
        assertEquals(1000, exchange.shownFrameMs());
        assertEquals(1000, exchange.shown()[0], "the pixels travel with their time");
        assertFalse(exchange.take(2000), "nothing new");
    }

    @Test
    void theNewestDuePictureIsShown_andAnOvertakenOneIsDropped() {
        queue(1000, false);
        queue(1040, false);
        assertFalse(exchange.hasRoom());
        assertTrue(exchange.take(1039));
        assertEquals(1000, exchange.shownFrameMs(), "1040 is not heard yet and stays queued");
        assertTrue(exchange.hasRoom());
        queue(1080, false);
        assertTrue(exchange.take(1100));
        assertEquals(1080, exchange.shownFrameMs(), "1040 was overtaken before a pulse");
        assertEquals(1080, exchange.shown()[0]);
    }

    @Test
    void aPictureShownAtOnce_replacesEveryQueuedOne() {
        queue(1000, false);
        queue(1040, false);
        queue(5000, true);
        assertTrue(exchange.take(0), "a seek's picture does not wait for the sound");
        assertEquals(5000, exchange.shownFrameMs());
        assertFalse(exchange.take(Long.MAX_VALUE), "the pictures from before the seek are gone");
    }

    @Test
    void buffersAreNeverShared_overManyRounds() {
        for (int i = 0; i < 50; i++) {
            queue(i * 40L, false);
            if (i % 3 != 0) {
                assertTrue(exchange.take(i * 40L));
                assertEquals(i * 40, exchange.shown()[0]);
            }
            assertTrue(exchange.writeBuffer() != exchange.shown(), "writing into the picture on screen");
        }
    }
}
