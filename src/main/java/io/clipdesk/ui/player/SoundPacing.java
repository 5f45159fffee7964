package io.clipdesk.ui.player;

import java.util.concurrent.TimeUnit;

/**
 * Sound as the playback clock: the next picture waits until a lead before its sound is heard, and the pacer is
 * anchored on the media time heard, so picture and sound cannot drift apart; the FX thread then shows it on the
 * pulse at its sound's time (a picture handed over {@link #clocked() clocked}). Where there is no sound (a silent stream, no
 * output, shuttling) nothing changes and the pacer keeps its own time. One owner: the player thread.
 */
final class SoundPacing {

    /** How long the picture waits for its sound to come before it goes on at its own pace. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** A picture further ahead of its sound than this is not waited for: the sound is elsewhere. */
    private static final long MAX_AHEAD_MS = 300;
    private static final long STARTING_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * A picture this far behind its sound skips ahead to it rather than play every frame late: a player that fell
     * behind (a busy machine, a slow decode) would otherwise stay behind, as each late frame re-anchors its pace.
     */
    private static final long CATCH_UP_MS = 100;
    /** Further behind than this, the sound is not where the picture plays (it jumped alone): not followed. */
    private static final long MAX_BEHIND_MS = 10_000;

    private final PlayerSound sound;
    private final FramePacer pacer;
    private long waitingSinceNanos = -1;
    private boolean clocked;

    SoundPacing(PlayerSound sound, FramePacer pacer) {
        this.sound = sound;
        this.pacer = pacer;
    }

    /** True (and the pacer told when to look again) while the picture at {@code nextMs} must wait for its sound. */
    boolean waitsAt(long now, long nextMs, double rate) {
        long heard = sound.mediaMsAt(now);
        long aheadMs = heard == PlayerSound.STARTING ? 0 : nextMs - heard;
        boolean elsewhere = heard != PlayerSound.STARTING && (aheadMs <= 0 || aheadMs > MAX_AHEAD_MS);
        clocked = heard != PlayerCommand.NONE && heard != PlayerSound.STARTING && aheadMs <= MAX_AHEAD_MS;
        if (heard == PlayerCommand.NONE || elsewhere) {
            waitingSinceNanos = -1;
            return false;
        }
        if (waitingSinceNanos < 0) {
            waitingSinceNanos = now;
        } else if (now - waitingSinceNanos > MAX_WAIT_NANOS) {
            return false;
        }
        pacer.retryIn(now, heard == PlayerSound.STARTING ? STARTING_POLL_NANOS
                : Math.max(1_000_000, (long) (TimeUnit.MILLISECONDS.toNanos(aheadMs) / rate)));
        return true;
    }

    /**
     * Where the picture decoded next, at {@code nextMs}, should skip to so that it is on screen with its sound
     * again, {@code leadMs} ahead of what is heard; {@link PlayerCommand#NONE} when it is not behind.
     */
    long catchUpTo(long now, long nextMs, double rate, long leadMs) {
        if (rate <= 0 || rate > 1) {
            return PlayerCommand.NONE;
        }
        long heard = sound.mediaMsAt(now);
        if (heard == PlayerCommand.NONE || heard == PlayerSound.STARTING) {
            return PlayerCommand.NONE;
        }
        long behindMs = heard - nextMs;
        return behindMs > CATCH_UP_MS && behindMs < MAX_BEHIND_MS ? heard + leadMs : PlayerCommand.NONE;
    }

    /**
     * True when the picture just let go follows the sound heard, so the FX thread should show it when its sound
     * is heard; false when it keeps its own pace (no sound, the sound elsewhere or late to start).
     */
    boolean clocked() {
        return clocked;
    }

    /** After a picture was handed over {@code leadMs} ahead of its sound: pace the next one from the sound heard. */
    void follow(long now, long leadMs) {
        waitingSinceNanos = -1;
        long heard = sound.mediaMsAt(now);
        if (heard != PlayerCommand.NONE && heard != PlayerSound.STARTING) {
            pacer.anchor(now, heard + leadMs);
        }
    }
}
