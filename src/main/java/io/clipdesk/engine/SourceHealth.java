package io.clipdesk.engine;

/** Ingest state as the editor sees it. */
public enum SourceHealth {
    STARTING, LIVE, STALLED, DISCONNECTED, STOPPED
}
