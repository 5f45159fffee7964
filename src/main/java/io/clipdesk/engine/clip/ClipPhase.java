package io.clipdesk.engine.clip;

/**
 * Where a clip is in its life at one instant ({@link ClipLifecycle#phaseAt}): like its stored status, except that a
 * clip whose expiration has passed is expired before the sweep marks it, and one whose end has not come yet is still
 * recording.
 */
public enum ClipPhase {
    RECORDING, READY, FAILED, EXPIRED
}
