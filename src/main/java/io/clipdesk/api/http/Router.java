package io.clipdesk.api.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the route for a request: 404 when no path matches, 405 (with Allow) when only the verb is wrong. */
public final class Router {

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    void dispatch(ApiExchange exchange) throws IOException {
        String path = trimTrailingSlash(exchange.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<List<String>> params = route.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(exchange.method())) {
                exchange.params(params.get());
                route.action().handle(exchange);
                return;
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw new HttpProblem(404, "There is nothing at " + exchange.method() + " " + printable(path)
                    + "; see API.md for the paths this server answers.");
        }
        String allow = String.join(", ", new ArrayList<>(allowed));
        throw new HttpProblem(405, exchange.method() + " is not allowed here; use " + allow + ".", "Allow", allow);
    }

    private static String trimTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Echo a path only if it is plain, so an error body never reflects odd bytes back. */
    private static String printable(String path) {
        return path.matches("[A-Za-z0-9/_.\\-]{1,200}") ? path : "this path";
    }
}
