package io.clipdesk.api.wire;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListPageTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void withoutPerPage_pageOneHoldsEverything_andLaterPagesAreEmpty() {
        assertEquals(FIVE, page(1, null).slice(FIVE));
        assertEquals(List.of(), page(2, null).slice(FIVE));
        assertEquals(List.of(), page(1, null).slice(List.of()));
    }

    @Test
    void withPerPage_cutsIntoPages_evenForHugeNumbers() {
        assertEquals(List.of("c", "d"), page(2, 2L).slice(FIVE));
        assertEquals(List.of("e"), page(3, 2L).slice(FIVE));
        assertEquals(List.of(), page(4, 2L).slice(FIVE));
        assertEquals(FIVE, page(1, Long.MAX_VALUE).slice(FIVE));
        assertEquals(List.of(), page(Long.MAX_VALUE, 1L).slice(FIVE));
    }

    @Test
    void queryPageBelowOne_isRejectedNamingTheParameter() {
        var e = assertThrows(io.clipdesk.engine.InvalidRequestException.class,
                () -> ListPage.of(QueryParams.of("/streaming/videos?per_page=0")));
        assertEquals("Query parameter per_page must be a whole number of 1 or more, got \"0\".", e.getMessage());
    }

    private static ListPage page(long page, Long perPage) {
        return new ListPage(page, perPage == null ? OptionalLong.empty() : OptionalLong.of(perPage));
    }
}
