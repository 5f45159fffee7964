package io.clipdesk.api.http;

import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HttpDateTest {

    @Test
    void now_isTheClocksSecond_inImfFixdate_sharedWithinTheSecond_newAfterIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:05:09.120Z"));
        HttpDate date = new HttpDate(clock);

        CharSequence first = date.now();
        assertEquals("Thu, 03 Dec 2026 08:05:09 GMT", first.toString());
        clock.advance(Duration.ofMillis(870));
        assertSame(first, date.now(), "the same second's value is shared, not formatted again");
        clock.advance(Duration.ofMillis(10));
        assertEquals("Thu, 03 Dec 2026 08:05:10 GMT", date.now().toString());
        clock.set(Instant.parse("2026-12-03T08:05:09.999Z"));
        assertEquals("Thu, 03 Dec 2026 08:05:09 GMT", date.now().toString(), "a clock set back is followed");
    }
}
