package io.clipdesk.engine.clip;

/** Gcore cuts on segment boundaries; frame mode re-encodes only the first and last GOP. */
public enum ClipAccuracy {
    SEGMENT, FRAME
}
