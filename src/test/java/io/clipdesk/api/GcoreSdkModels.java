package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The response models of Gcore's official Python SDK (G-Core/gcore-python at commit
 * ebc7ee07e9136e6c9cc4588a8f9dc6a92de66a4d: src/gcore/types/streaming/stream.py, streams/overlay.py,
 * streams/clip.py, video.py, video_list_response.py), their field annotations copied verbatim into
 * {@code gcore-sdk-models.json}, checked against JSON as the SDK's {@code _strict_response_validation} would:
 * {@code Optional[X]} may be absent or null, any other field is required and never null, {@code str} takes no
 * number, {@code int} no fraction, {@code float} any number, extra fields pass. Stricter than pydantic's lax
 * coercions ({@code "1"} for an int, {@code 0} for a bool), on purpose: Gcore sends the declared types.
 */
final class GcoreSdkModels {

    private final JsonNode models;

    private GcoreSdkModels(JsonNode models) {
        this.models = models;
    }

    static GcoreSdkModels load() {
        try (InputStream in = GcoreSdkModels.class.getResourceAsStream("gcore-sdk-models.json")) {
            if (in == null) {
                throw new IllegalStateException("gcore-sdk-models.json is missing from the test classpath");
            }
            return new GcoreSdkModels(new ObjectMapper().readTree(in).get("models"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything in {@code value} the SDK model {@code model} would refuse; empty when it validates. */
    List<String> violations(String model, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(model, value, model, found);
        return found;
    }

    /** The field names of a model, for tests that want to know a field was really exercised. */
    List<String> fields(String model) {
        List<String> names = new ArrayList<>();
        definition(model).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void check(String type, JsonNode value, String where, List<String> found) {
        if (type.startsWith("Optional[")) {
            if (!value.isNull()) {
                check(inner(type, "Optional["), value, where, found);
            }
            return;
        }
        if (value.isNull()) {
            found.add(where + ": " + type + " must not be null");
        } else if (type.startsWith("List[")) {
            if (!value.isArray()) {
                found.add(where + ": " + type + " wanted, got " + value);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(inner(type, "List["), value.get(i), where + "[" + i + "]", found);
            }
        } else if (type.startsWith("Literal[")) {
            List<String> allowed = Arrays.stream(inner(type, "Literal[").split(","))
                    .map(s -> s.strip().replace("\"", "")).toList();
            if (!value.isTextual() || !allowed.contains(value.textValue())) {
                found.add(where + ": one of " + allowed + " wanted, got " + value);
            }
        } else if (models.has(type)) {
            checkModel(type, value, where, found);
        } else if (!scalarMatches(type, value)) {
            found.add(where + ": " + type + " wanted, got " + value);
        }
    }

    private void checkModel(String model, JsonNode value, String where, List<String> found) {
        if (!value.isObject()) {
            found.add(where + ": a " + model + " object wanted, got " + value);
            return;
        }
        for (Map.Entry<String, JsonNode> field : definition(model).properties()) {
            String annotation = field.getValue().asText();
            JsonNode given = value.get(field.getKey());
            if (given != null) {
                check(annotation, given, where + "." + field.getKey(), found);
            } else if (!annotation.startsWith("Optional[")) {
                found.add(where + "." + field.getKey() + ": required " + annotation + " is missing");
            }
        }
    }

    private static boolean scalarMatches(String type, JsonNode value) {
        return switch (type) {
            case "str" -> value.isTextual();
            case "int" -> value.isIntegralNumber();
            case "float" -> value.isNumber();
            case "bool" -> value.isBoolean();
            default -> throw new IllegalArgumentException("unknown SDK type " + type);
        };
    }

    private JsonNode definition(String model) {
        JsonNode definition = models.get(model);
        if (definition == null) {
            throw new IllegalArgumentException("no SDK model " + model + " in gcore-sdk-models.json");
        }
        return definition;
    }

    private static String inner(String type, String prefix) {
        return type.substring(prefix.length(), type.length() - 1);
    }
}
