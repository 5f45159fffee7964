package io.clipdesk.ui.player;

/**
 * The player's sound as its picture thread drives it: what to play from where, and which media time is being
 * heard, so the picture can follow the sound. Requests return at once; the latest one wins.
 */
public interface PlayerSound {

    /** Media time heard now, or this while the sound is on its way to a new position (the picture waits). */
    long STARTING = Long.MIN_VALUE + 1;

    /** Plays from {@code fromMs} on at {@code rate}; a speed it cannot play with sound plays silence. */
    void play(long fromMs, double rate);

    /** A short burst of the sound at {@code atMs}, as an editor hears while scrubbing. */
    void burst(long atMs);

    void stop();

    /**
     * @return the media time heard at {@code nanos} (System.nanoTime), {@link #STARTING}, or
     *         {@link PlayerCommand#NONE} when no media sound plays (the picture keeps its own pace)
     */
    long mediaMsAt(long nanos);

    PlayerSound SILENT = new PlayerSound() {
        @Override
        public void play(long fromMs, double rate) {
        }

        @Override
        public void burst(long atMs) {
        }

        @Override
        public void stop() {
        }

        @Override
        public long mediaMsAt(long nanos) {
            return PlayerCommand.NONE;
        }
    };
}
