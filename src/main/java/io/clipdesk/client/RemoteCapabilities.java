package io.clipdesk.client;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.Capabilities.Feature;

/** What a desk on a server cannot do, each with the sentence the desk shows; a plain Gcore server lacks more. */
final class RemoteCapabilities {

    private RemoteCapabilities() {
    }

    /** @param clipdesk whether the server has Clipdesk's (ext) routes and fields */
    static Capabilities of(boolean clipdesk) {
        Capabilities caps = Capabilities.ALL
                .without(Feature.EDIT_STREAMS, "Streams are managed on the server: add or change them there.")
                .without(Feature.KEEP_LATER, "A server keeps a clip as a permanent video only when it is created "
                        + "with \"keep permanently\" ticked.")
                .without(Feature.DISK, "The disk is the server's.")
                .without(Feature.LOCAL_FILES, "The clip's files are on the server: copy its link or save the MP4.")
                .without(Feature.DELIVER, "Sending clips is set up on the server's own desk: a server has no "
                        + "delivery API yet.");
        if (!clipdesk) {
            String plain = " needs a Clipdesk server; this one speaks only Gcore's API.";
            caps = caps.without(Feature.THUMBNAILS, "Thumbnails" + plain)
                    .without(Feature.WAVEFORM, "The waveform" + plain)
                    .without(Feature.EXACT_CUT, "An exact cut" + plain + " Clips are cut on segments.")
                    .without(Feature.DESCRIBE, "Describing a clip" + plain)
                    .without(Feature.ADJUST, "Adjusting a clip" + plain + " Delete it and clip again.")
                    .without(Feature.REFRAME, "Social versions of a clip" + plain);
        }
        return caps;
    }
}
