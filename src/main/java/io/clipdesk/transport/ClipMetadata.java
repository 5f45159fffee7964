package io.clipdesk.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.delivery.Shipment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON that travels with a delivered MP4: the clip's names as the API spells them (Gcore's fields, then the
 * (ext) ones), its wall-clock range in ISO 8601 UTC, and the file it describes, so a CMS can file it without asking
 * Clipdesk anything.
 */
final class ClipMetadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClipMetadata() {
    }

    static byte[] of(Shipment shipment) {
        Clip clip = shipment.clip();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", clip.id());
        json.put("name", clip.name());
        json.put("stream_id", clip.streamId());
        json.put("start", clip.startS());
        json.put("duration", clip.durationS());
        json.put("description", clip.description().description());
        json.put("tags", clip.description().tags());
        json.put("created_by", clip.description().createdBy());
        json.put("start_time", Instant.ofEpochMilli(clip.fromMs()).toString());
        json.put("end_time", Instant.ofEpochMilli(clip.toMs()).toString());
        json.put("gap_ms", clip.gapMs());
        json.put("file", shipment.fileStem() + ".mp4");
        json.put("size_bytes", shipment.mp4Bytes());
        json.put("delivery_key", shipment.deliveryKey());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
