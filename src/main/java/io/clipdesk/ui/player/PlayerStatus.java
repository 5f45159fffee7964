package io.clipdesk.ui.player;

/**
 * What the player is doing, published by its thread after every change. {@code frameMs} is the wall-clock
 * time of the newest decoded picture; {@code rate} is negative while shuttling backwards and below 1 in slow
 * motion; {@code live}
 * while it follows the live edge. The counters are since start: pictures decoded, waits for a segment that
 * had not arrived yet (and their total), jumps forward to stay near the live edge, and watchdog reopenings;
 * {@code seekMs} is how long the last seek took to decode its picture.
 */
public record PlayerStatus(long frameMs, boolean playing, double rate, boolean live, long latencyMs,
                           long framesDecoded, long holds, long heldMs, long liveJumps, long recoveries,
                           long seekMs, String problem) {

    public static final PlayerStatus IDLE = new PlayerStatus(0, false, 1, false, 0, 0, 0, 0, 0, 0, 0, "");
}
