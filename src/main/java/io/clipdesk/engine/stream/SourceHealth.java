package io.clipdesk.engine.stream;

/**
 * Ingest state as the editor sees it. {@code DISK_FULL}: the source delivers but the data dir's disk has no room
 * for its media; recording resumes by itself when space is freed.
 */
public enum SourceHealth {
    STARTING, LIVE, STALLED, DISCONNECTED, STOPPED, DISK_FULL
}
