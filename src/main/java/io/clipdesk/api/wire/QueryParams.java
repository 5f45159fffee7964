package io.clipdesk.api.wire;

import io.clipdesk.engine.InvalidRequestException;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request's query string, read parameter by parameter as {@link JsonBody} reads fields: unknown parameters
 * are ignored, an empty value counts as omitted, the first of repeated values wins, and a value of the wrong
 * type is a 400 that names the parameter.
 */
public final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /** {@code target} is the request target as received, e.g. {@code /streaming/videos?page=2}. */
    public static QueryParams of(String target) {
        try {
            return new QueryParams(new QueryStringDecoder(target, StandardCharsets.UTF_8).parameters());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The query string is not valid percent-encoding; encode it again.");
        }
    }

    public Optional<String> optionalString(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() || given.get(0).isBlank()
                ? Optional.empty() : Optional.of(given.get(0).strip());
    }

    public OptionalLong optionalLong(String name) {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Query parameter " + name + " must be an integer, not \""
                    + shorten(text.get()) + "\".");
        }
    }

    /** A whole number of at least 1, when given. */
    OptionalLong optionalPositive(String name) {
        OptionalLong value = optionalLong(name);
        if (value.isPresent() && value.getAsLong() < 1) {
            throw new InvalidRequestException("Query parameter " + name + " must be 1 or more, got "
                    + value.getAsLong() + ".");
        }
        return value;
    }

    public static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
