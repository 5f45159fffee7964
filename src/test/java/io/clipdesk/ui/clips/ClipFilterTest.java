package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipFilterTest {

    private static final Clip GOAL = new Clip("abcdefabcdef", 1, "Header 1-0", 1000, 10, 5000, 7, false, 0, List.of(),
            ClipStatus.READY, "", 0, 0, ClipAccuracy.SEGMENT).withDescription("Header 1-0",
            new ClipDescription("From the corner", List.of("Goal", "home team"), "ana"));

    @Test
    void emptyOrBareHash_keepsEverything() {
        assertTrue(ClipFilter.of("").keepsAll());
        assertTrue(ClipFilter.of("  # ").keepsAll());
        assertTrue(ClipFilter.ALL.test(GOAL));
    }

    @Test
    void hashWord_matchesTheStartOfATag_inAnyCase() {
        assertTrue(ClipFilter.of("#go").test(GOAL));
        assertTrue(ClipFilter.of("#HOME").test(GOAL));
        assertFalse(ClipFilter.of("#oal").test(GOAL), "a tag prefix, not any substring");
        assertFalse(ClipFilter.of("#card").test(GOAL));
    }

    @Test
    void plainWords_mustAllBeFound_inTitleTagsDescriptionOrEditor() {
        assertTrue(ClipFilter.of("header").test(GOAL));
        assertTrue(ClipFilter.of("corner ANA").test(GOAL));
        assertTrue(ClipFilter.of("team #goal").test(GOAL));
        assertFalse(ClipFilter.of("corner penalty").test(GOAL));
    }
}
