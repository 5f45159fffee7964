package io.clipdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.clipdesk.engine.stream.Rendition;
import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.List;

/**
 * How rendition lists live in one TEXT column: a JSON array, of objects for a stream's ladder
 * ({@code [{"name":"media_1_360","width":640,"height":360,"video_kbps":800}]}) and of names for clips and videos.
 * JSON rather than comma-separated so a ladder keeps its sizes and a future field needs no new format. The
 * property names are written out here, not taken from the record, so renaming a record component cannot change
 * what is on disk.
 */
final class RenditionColumns {

    private static final String NAME = "name";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String VIDEO_KBPS = "video_kbps";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenditionColumns() {
    }

    static String ladderToJson(List<Rendition> ladder) {
        ArrayNode array = JSON.createArrayNode();
        for (Rendition rendition : ladder) {
            array.addObject()
                    .put(NAME, rendition.name())
                    .put(WIDTH, rendition.width())
                    .put(HEIGHT, rendition.height())
                    .put(VIDEO_KBPS, rendition.videoKbps());
        }
        return array.toString();
    }

    static List<Rendition> ladderFromJson(String json) throws SQLDataException {
        List<Rendition> ladder = new ArrayList<>();
        for (JsonNode node : array(json)) {
            try {
                ladder.add(new Rendition(text(node, NAME), integer(node, WIDTH), integer(node, HEIGHT),
                        integer(node, VIDEO_KBPS)));
            } catch (IllegalArgumentException e) {
                throw new SQLDataException("invalid rendition in stored ladder: " + e.getMessage(), e);
            }
        }
        return ladder;
    }

    static String namesToJson(List<String> names) {
        ArrayNode array = JSON.createArrayNode();
        names.forEach(array::add);
        return array.toString();
    }

    static List<String> namesFromJson(String json) throws SQLDataException {
        List<String> names = new ArrayList<>();
        for (JsonNode node : array(json)) {
            if (!node.isTextual()) {
                throw new SQLDataException("a stored name or tag is not a string");
            }
            names.add(node.asText());
        }
        return names;
    }

    private static JsonNode array(String json) throws SQLDataException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isArray()) {
                throw new SQLDataException("stored renditions are not a JSON array");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SQLDataException("stored renditions are not valid JSON", e);
        }
    }

    private static String text(JsonNode node, String field) throws SQLDataException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SQLDataException("stored rendition lacks text field " + field);
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) throws SQLDataException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new SQLDataException("stored rendition lacks integer field " + field);
        }
        return value.intValue();
    }
}
