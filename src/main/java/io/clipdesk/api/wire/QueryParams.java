package io.clipdesk.api.wire;

import io.clipdesk.engine.InvalidRequestException;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A request's query string, read parameter by parameter as {@link JsonBody} reads fields: unknown parameters
 * are ignored, an empty value counts as omitted, the first of repeated values wins, and a value of the wrong
 * type or out of its range is a 400 that names the parameter, quotes the value and says what is allowed. Every
 * number of a query is read here, with its range.
 */
public final class QueryParams {

    private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]+");

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

    /**
     * A whole number from {@code min} to {@code max}, when given. Anything else — not a number, a fraction, a
     * number beyond the range or beyond what a long holds — is a 400 that quotes what the client sent and says the
     * range: the text is judged as sent, never a value made to fit first.
     */
    public OptionalLong optionalLong(String name, long min, long max) {
        return optionalLong(name, "a whole number", min, max);
    }

    /** As {@link #optionalLong(String, long, long)}, the sentence saying what the number is ("a Unix time in seconds"). */
    public OptionalLong optionalLong(String name, String what, long min, long max) {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = wholeNumber(text.get());
            if (value >= min && value <= max) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // judged below with the out-of-range values: the same sentence fits both
        }
        String range = max == Long.MAX_VALUE ? "of " + min + " or more" : "from " + min + " to " + max;
        throw new InvalidRequestException("Query parameter " + name + " must be " + what + " " + range + ", got \""
                + shorten(text.get()) + "\".");
    }

    /**
     * Whole numbers of at least 1 separated by commas ({@code ?id=1,101}), empty when not given; blank items
     * are skipped, anything else not such a number is a 400 quoting it.
     */
    public List<Long> positiveList(String name) {
        List<Long> numbers = new ArrayList<>();
        for (String part : optionalString(name).map(s -> s.split(",")).orElse(new String[0])) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            try {
                long value = wholeNumber(item);
                if (value >= 1) {
                    numbers.add(value);
                    continue;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new InvalidRequestException("Query parameter " + name + " must be whole numbers of 1 or more "
                    + "separated by commas, such as 1,101; got \"" + shorten(item) + "\".");
        }
        return numbers;
    }

    /** A whole number of at least 1 (a page, a count, an id), when given. */
    public OptionalLong optionalPositive(String name) {
        return optionalLong(name, 1, Long.MAX_VALUE);
    }

    /** ASCII digits with an optional sign: Long.parseLong alone would also take other scripts' digits. */
    private static long wholeNumber(String text) {
        if (!ASCII_INTEGER.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(text);
    }

    public static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
