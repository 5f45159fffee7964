package io.clipdesk.ui.form;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wall-clock timecode as the desk shows and reads it: local time of day at {@link #FPS} frames per second
 * (non-drop). The engine does not report a stream's frame rate; 25 fps is the test signal's and the desk's frame
 * step. Typed marks name a time of day, so they are placed on the day that puts them nearest a reference instant
 * (the picture on screen): a DVR never spans more than a few hours, so 23:59:58 typed just after midnight means
 * yesterday.
 */
public final class Timecode {

    public static final int FPS = 25;
    public static final long FRAME_MS = 1000 / FPS;
    /** HH:MM:SS, then .ff / :ff (frames) or .mmm (milliseconds), or nothing. */
    private static final Pattern TYPED = Pattern.compile(
            "\\s*(\\d{1,2}):(\\d{2}):(\\d{2})(?:([.:])(\\d{1,3}))?\\s*");

    private Timecode() {
    }

    /** HH:MM:SS:FF of {@code ms} in {@code zone}. */
    public static String format(long ms, ZoneId zone) {
        LocalTime t = Instant.ofEpochMilli(ms).atZone(zone).toLocalTime();
        return String.format("%02d:%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1_000_000 / FRAME_MS);
    }

    /** HH:MM:SS.mmm of {@code ms} in {@code zone}: the exact instant, for a cut to the millisecond. */
    public static String formatMillis(long ms, ZoneId zone) {
        LocalTime t = Instant.ofEpochMilli(ms).atZone(zone).toLocalTime();
        return String.format("%02d:%02d:%02d.%03d", t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1_000_000);
    }

    /** A length as M:SS.t (tenths), or H:MM:SS.t from an hour on: what a clip lasts, to a tenth of a second. */
    public static String length(long ms) {
        long tenths = Math.round(Math.max(0, ms) / 100.0);
        long s = tenths / 10;
        String tail = String.format("%02d.%d", s % 60, tenths % 10);
        return s >= 3600 ? String.format("%d:%02d:", s / 3600, s / 60 % 60) + tail
                : String.format("%d:", s / 60) + tail;
    }

    /**
     * The instant a typed timecode names, on the day nearest {@code nearMs}; empty when the text is not a timecode.
     * Two digits after the seconds are frames (with '.' or ':'), three are milliseconds.
     */
    public static Optional<Long> parse(String text, ZoneId zone, long nearMs) {
        Matcher m = TYPED.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = Integer.parseInt(m.group(3));
        long subMs = 0;
        if (m.group(5) != null) {
            String digits = m.group(5);
            boolean frames = m.group(4).equals(":") || digits.length() <= 2;
            int value = Integer.parseInt(digits);
            if (frames && (value >= FPS || digits.length() > 2)) {
                return Optional.empty();
            }
            subMs = frames ? value * FRAME_MS : value;
        }
        if (h > 23 || min > 59 || s > 59) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.of(h, min, s);
        LocalDate day = Instant.ofEpochMilli(nearMs).atZone(zone).toLocalDate();
        long best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int d = -1; d <= 1; d++) {
            long ms = ZonedDateTime.of(day.plusDays(d), time, zone).toInstant().toEpochMilli() + subMs;
            if (Math.abs(ms - nearMs) < bestDistance) {
                bestDistance = Math.abs(ms - nearMs);
                best = ms;
            }
        }
        return Optional.of(best);
    }
}
