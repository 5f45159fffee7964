package io.clipdesk.engine.stream;

/** Where a stream's media comes from. */
public enum SourceKind {
    /** The built-in test signal: clock, counter, moving bars, a flash and a beep every second. */
    TEST_SIGNAL,
    /** Pull a live HLS playlist over http(s). */
    HLS_PULL,
    /** Listen for an RTMP push from an encoder. */
    RTMP_PUSH,
    /** Listen for an SRT push (caller mode encoder, listener here). */
    SRT_PUSH,
    /** Play a local media file in a loop as if it were live. */
    FILE_LOOP
}
