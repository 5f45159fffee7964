package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check refuses what the SDK's strict validation refuses, and only that. */
class GcoreSdkModelsTest {

    private final GcoreSdkModels sdk = GcoreSdkModels.load();

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void streamWithUnixSecondsAndIntegerQualities_isRefusedNamingBothFields() {
        List<String> found = sdk.violations("Stream",
                json("{'name': 'Cam', 'started_at_primary': 1716559200, 'transcoded_qualities': [360, 720]}"));
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("Stream.started_at_primary: str wanted"), found.toString());
        assertTrue(found.get(1).startsWith("Stream.transcoded_qualities[0]: str wanted"), found.toString());
    }

    @Test
    void streamAsTheSdkTypesIt_passes_withExtraFieldsNullOptionalsAndIntegersForFloats() {
        assertEquals(List.of(), sdk.violations("Stream", json("{'name': 'Cam', 'id': 1, 'frame_rate': null,"
                + " 'video_width': 1280, 'started_at_primary': '2024-05-24T14:00:00.000Z',"
                + " 'transcoded_qualities': ['360'], 'dvr_start': 1716559200, 'source': 'test'}")));
    }

    @Test
    void requiredFields_mustBePresentAndNotNull() {
        assertEquals(List.of("Stream.name: required str is missing"), sdk.violations("Stream", json("{'id': 1}")));
        assertEquals(List.of("Clip.id: str must not be null", "Clip.duration: required int is missing"),
                sdk.violations("Clip", json("{'id': null}")));
    }

    @Test
    void wrongScalars_literalsAndNestedModels_areFound() {
        assertEquals(List.of("Clip.duration: int wanted, got 2.5", "Clip.vod_required: bool wanted, got 0"),
                sdk.violations("Clip", json("{'id': 'a', 'duration': 2.5, 'vod_required': 0}")));
        assertEquals(List.of("Video.converted_videos[0].height: int wanted, got \"720\"",
                        "Video.status: one of [empty, pending, viewable, ready, error] wanted, got \"failed\""),
                sdk.violations("Video", json("{'status': 'failed', 'converted_videos': [{'height': '720'}]}")));
        assertEquals(List.of("VideoListResponse: a VideoListResponse object wanted, got []"),
                sdk.violations("VideoListResponse", json("[]")));
    }
}
