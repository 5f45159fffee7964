package io.clipdesk.api.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One verb on one path pattern; the pattern's groups become the exchange's path parameters. */
public record Route(String method, Pattern path, Action action) {

    /** What a route does with a matched request. */
    @FunctionalInterface
    public interface Action {
        void handle(ApiExchange exchange) throws IOException;
    }

    public static Route of(String method, String regex, Action action) {
        return new Route(method, Pattern.compile(regex), action);
    }

    /** The path parameters when the path matches, whatever the verb. */
    Optional<List<String>> match(String rawPath) {
        Matcher m = path.matcher(rawPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>(m.groupCount());
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        return Optional.of(groups);
    }
}
