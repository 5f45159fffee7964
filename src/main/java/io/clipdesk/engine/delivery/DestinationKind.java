package io.clipdesk.engine.delivery;

/** How a destination receives a clip. */
public enum DestinationKind {
    /** A playout or CMS watch folder: the MP4 and its JSON appear whole, by rename. */
    FOLDER,
    /** An HTTP endpoint: a multipart POST of the MP4 and its JSON, with a bearer token. */
    HTTP
}
