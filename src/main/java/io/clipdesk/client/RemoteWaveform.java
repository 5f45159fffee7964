package io.clipdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.engine.sound.AudioEnvelope;

/** (ext) A stream's sound envelope from a Clipdesk server's waveform route, asked in whole seconds. */
final class RemoteWaveform {

    private RemoteWaveform() {
    }

    static AudioEnvelope read(RemoteServer server, long streamId, long fromMs, long toMs, int maxBuckets) {
        long fromS = Math.floorDiv(fromMs, 1000);
        long toS = Math.max(fromS + 1, Math.floorDiv(toMs + 999, 1000));
        JsonNode node = server.get("/streaming/streams/" + streamId + "/waveform?from=" + fromS + "&to=" + toS
                + "&buckets=" + maxBuckets);
        int count = node.path("count").asInt(0);
        short[] peaks = new short[count];
        short[] rms = new short[count];
        for (int i = 0; i < count; i++) {
            peaks[i] = level(node.path("peak").path(i));
            rms[i] = level(node.path("rms").path(i));
        }
        return new AudioEnvelope(node.path("start_ms").asLong(), node.path("bucket_ms").asInt(AudioEnvelope.BUCKET_MS),
                peaks, rms);
    }

    private static short level(JsonNode fraction) {
        return fraction.isNumber() ? AudioEnvelope.level(fraction.asDouble()) : AudioEnvelope.NO_AUDIO;
    }
}
