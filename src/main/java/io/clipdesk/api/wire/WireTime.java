package io.clipdesk.api.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the wire spells them: ISO 8601 UTC with milliseconds and Z, or whole Unix seconds. */
public final class WireTime {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The last second of the year 9999: the latest Unix time a query or body may name. */
    public static final long MAX_UNIX_S = 253_402_300_799L;
    public static final long MAX_UNIX_MS = MAX_UNIX_S * 1000 + 999;

    private WireTime() {
    }

    public static String iso(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    /** Unix seconds of a wall-clock millisecond, rounded down. */
    public static long seconds(long epochMs) {
        return Math.floorDiv(epochMs, 1000);
    }
}
