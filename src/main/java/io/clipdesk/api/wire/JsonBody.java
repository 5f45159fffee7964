package io.clipdesk.api.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clipdesk.engine.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A request's JSON object, read field by field. Unknown fields are ignored, {@code null} counts as
 * omitted, and a field of the wrong type is a 400 whose sentence names the field and the type wanted. Nothing but
 * whitespace may follow the object.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody parse(byte[] bytes, ObjectMapper mapper) {
        if (bytes.length == 0) {
            return new JsonBody(JsonNodeFactory.instance.objectNode());
        }
        JsonNode parsed;
        try (JsonParser parser = mapper.createParser(bytes)) {
            parsed = mapper.readTree(parser);
            requireNothingAfter(parser);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body is not valid JSON" + where(e.getLocation())
                    + "; send an object such as {\"duration\": 30}.");
        } catch (IOException e) {
            throw new InvalidRequestException("The request body could not be read; send it again.");
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
            return new JsonBody(JsonNodeFactory.instance.objectNode());
        }
        if (!parsed.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object, not "
                    + describe(parsed) + ".");
        }
        return new JsonBody((ObjectNode) parsed);
    }

    /**
     * One body, one value: {@code {"duration": 4}{"duration": 5}} or {@code {"duration": 4} x} is refused
     * rather than half-read, so a client that glued two requests or sent garbage learns it. Whitespace may follow.
     */
    private static void requireNothingAfter(JsonParser parser) throws IOException {
        JsonLocation end = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
        } catch (JsonProcessingException notJson) {
            // not even a token: still "something after the value", which is the sentence that helps
        }
        throw new InvalidRequestException("The request body goes on after its JSON value ends" + where(end)
                + "; send exactly one object such as {\"duration\": 30}.");
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The nested object {@code field}, when present (Gcore wraps PATCH bodies in {"stream": {...}}). */
    public Optional<JsonBody> object(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(new JsonBody((ObjectNode) value)) : Optional.empty();
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public long requiredLong(String field, String unit) {
        return optionalLong(field, unit).orElseThrow(() -> new InvalidRequestException(
                field + " is required: an integer number of " + unit + "."));
    }

    public OptionalLong optionalLong(String field, String unit) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) < 1e15) {
            return OptionalLong.of((long) value.doubleValue());
        }
        throw new InvalidRequestException(field + " must be an integer number of " + unit + ", not "
                + describe(value) + ".");
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field + " must be true or false, not " + describe(value) + ".");
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<String> optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field + " must be a string, not " + describe(value) + ".");
        }
        return Optional.of(value.textValue());
    }

    /** A number ({@code "x": 0.25}). */
    public OptionalDouble optionalDouble(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw new InvalidRequestException(field + " must be a number, not " + describe(value) + ".");
        }
        return OptionalDouble.of(value.doubleValue());
    }

    /** {@code field} as a list of objects: one object is a list of one; absent is empty. */
    public List<JsonBody> objects(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isObject()) {
            return List.of(new JsonBody((ObjectNode) value));
        }
        if (!value.isArray()) {
            throw new InvalidRequestException(field + " must be an object or an array of objects, not "
                    + describe(value) + ".");
        }
        List<JsonBody> objects = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw new InvalidRequestException(field + " must be an array of objects; it holds "
                        + describe(element) + ".");
            }
            objects.add(new JsonBody((ObjectNode) element));
        }
        return objects;
    }

    /** An array of strings ({@code "tags": ["goal", "home"]}); an element of another type is a 400 naming it. */
    public Optional<List<String>> optionalStringList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new InvalidRequestException(field + " must be an array of strings, not " + describe(value) + ".");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidRequestException(field + " must be an array of strings; it holds "
                        + describe(element) + ".");
            }
            strings.add(element.textValue());
        }
        return Optional.of(strings);
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }
}
