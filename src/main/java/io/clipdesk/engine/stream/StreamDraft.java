package io.clipdesk.engine.stream;

/** A new stream as asked for. */
public record StreamDraft(String name, SourceSpec source, boolean dvrEnabled, int dvrDurationS) {

    public static StreamDraft testSignal(String name) {
        return new StreamDraft(name, SourceSpec.TEST_SIGNAL, true, LiveStream.DEFAULT_DVR_DURATION_S);
    }
}
