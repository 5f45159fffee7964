package io.clipdesk.api.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;

import java.time.Clock;
import java.util.Date;

/**
 * The {@code Date} header value (RFC 9110 §5.6.7, one-second resolution) from the engine's clock, formatted once
 * per second and shared by every request of that second, as nginx does: formatting it per request was a
 * measurable share of a small response's cost. Thread-safe: the cached pair is one immutable object.
 */
final class HttpDate {

    private record Stamp(long second, AsciiString text) {
    }

    private final Clock clock;
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    CharSequence now() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000);
        Stamp stamp = last;
        if (stamp.second() != second) {
            stamp = new Stamp(second, AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
            last = stamp;
        }
        return stamp.text();
    }
}
