package io.clipdesk.api.wire;

import java.util.List;
import java.util.OptionalLong;

/**
 * Gcore's {@code ?page=N&per_page=M} on list endpoints. Gcore's SDKs read a list as one plain JSON array and
 * never ask for a second page, while Gcore-style scripts ask for page 1, 2, … until a page comes back empty.
 * Both are served: without {@code per_page} page 1 holds everything (so the SDK sees every item) and later
 * pages are empty (so such a loop ends); with {@code per_page} the list is cut into pages of that size.
 */
public record ListPage(long page, OptionalLong perPage) {

    public ListPage {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
    }

    public static ListPage of(QueryParams query) {
        return new ListPage(query.optionalPositive("page").orElse(1), query.optionalPositive("per_page"));
    }

    public <T> List<T> slice(List<T> all) {
        long size = perPage.orElse(Math.max(1, all.size()));
        long pages = all.isEmpty() ? 0 : 1 + (all.size() - 1) / size;
        if (page > pages) {
            return List.of();
        }
        long from = (page - 1) * size; // < all.size(): page ≤ pages, so no overflow
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }
}
