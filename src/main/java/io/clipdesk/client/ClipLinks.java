package io.clipdesk.client;

/** Where a remote clip plays: the absolute {@code hls_master} and {@code mp4_master} URLs the server gave. */
public record ClipLinks(String hlsMaster, String mp4Master) {

    public ClipLinks {
        hlsMaster = hlsMaster == null ? "" : hlsMaster;
        mp4Master = mp4Master == null ? "" : mp4Master;
    }
}
