package io.clipdesk.ui.clips.export;

import io.clipdesk.engine.clip.Clip;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A clip's times as editing suites count them, at a whole frame rate (non-drop): where the asked-for range lies in
 * the clip's own MP4 (which starts at its delivered cut, {@code cutStartMs}) and the time of day it was live, which
 * the EDL and XML use as record timecode so the cut list reads as the event's clock. The engine does not report a
 * stream's frame rate, so the desk uses {@link #DEFAULT_FPS}, the test signal's.
 */
public record CutTimes(int fps, ZoneId zone) {

    public static final int DEFAULT_FPS = 25;

    public CutTimes {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("a whole frame rate 1–120, got " + fps);
        }
    }

    /** Frame in the clip's MP4 where the asked-for range begins (0 until the cut is known, or if it begins earlier). */
    long sourceInFrame(Clip clip) {
        long offsetMs = clip.cutStartMs() > 0 ? Math.max(0, clip.fromMs() - clip.cutStartMs()) : 0;
        return frames(offsetMs);
    }

    long durationFrames(Clip clip) {
        return Math.max(1, frames(clip.toMs() - clip.fromMs()));
    }

    /** Frames since local midnight at the clip's start. */
    long timeOfDayFrame(Clip clip) {
        long dayStartMs = Instant.ofEpochMilli(clip.fromMs()).atZone(zone).toLocalDate().atStartOfDay(zone)
                .toInstant().toEpochMilli();
        return frames(clip.fromMs() - dayStartMs);
    }

    long frames(long ms) {
        return Math.round(ms * fps / 1000.0);
    }

    /** HH:MM:SS:FF, non-drop. */
    String timecode(long frame) {
        long seconds = frame / fps;
        return String.format("%02d:%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60,
                frame % fps);
    }
}
