package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipDescriptionTest {

    @Test
    void tags_areStrippedSpacedOnce_andARepeatInAnotherCaseIsKeptOnce() {
        ClipDescription d = new ClipDescription("  A header.  ", List.of(" Goal ", "home   team", "goal", "Ümit"),
                " ana ");

        assertEquals(List.of("Goal", "home team", "Ümit"), d.tags());
        assertEquals("A header.", d.description());
        assertEquals("ana", d.createdBy());
        assertTrue(d.hasTag("GOAL"));
        assertTrue(d.hasTag(" Home Team "));
        assertFalse(d.hasTag("card"));
    }

    @Test
    void nullTexts_areEmpty_andTheEmptyDescriptionHasNoTags() {
        assertEquals(ClipDescription.EMPTY, new ClipDescription(null, List.of(), null));
        assertEquals(List.of(), ClipDescription.EMPTY.tags());
    }

    @Test
    void tag_withACommaEmptyOrTooLong_isRefusedWithTheLimit() {
        assertTrue(assertThrows(InvalidRequestException.class, () -> ClipDescription.tag("goal, card"))
                .getMessage().contains("without commas"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ClipDescription.tag("   "))
                .getMessage().contains("cannot be empty"));
        String sentence = assertThrows(InvalidRequestException.class,
                () -> ClipDescription.tag("x".repeat(ClipDescription.MAX_TAG_LENGTH + 1))).getMessage();
        assertTrue(sentence.contains("at most " + ClipDescription.MAX_TAG_LENGTH), sentence);
        assertEquals("x".repeat(ClipDescription.MAX_TAG_LENGTH),
                ClipDescription.tag("x".repeat(ClipDescription.MAX_TAG_LENGTH)));
    }

    @Test
    void moreTagsThanAllowed_isRefusedWithTheCount() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ClipDescription.MAX_TAGS; i++) {
            many.add("tag" + i);
        }
        String sentence = assertThrows(InvalidRequestException.class,
                () -> ClipDescription.EMPTY.withTags(many)).getMessage();
        assertTrue(sentence.contains("at most " + ClipDescription.MAX_TAGS + " tags"), sentence);
        assertEquals(ClipDescription.MAX_TAGS, ClipDescription.EMPTY.withTags(many.subList(0, 20)).tags().size());
    }

    @Test
    void description_keepsLineBreaks_butRefusesOtherControlsAndExcessLength() {
        assertEquals("line one\r\nline two\tend", ClipDescription.EMPTY.withDescription("line one\r\nline two\tend")
                .description());
        assertThrows(InvalidRequestException.class, () -> ClipDescription.EMPTY.withDescription("bell\u0007"));
        String sentence = assertThrows(InvalidRequestException.class, () -> ClipDescription.EMPTY.withDescription(
                "d".repeat(ClipDescription.MAX_DESCRIPTION_LENGTH + 1))).getMessage();
        assertTrue(sentence.startsWith("description is 2001 characters; at most 2000"), sentence);
    }

    @Test
    void createdBy_isOneLine_ofAtMostTheLimit() {
        assertThrows(InvalidRequestException.class, () -> ClipDescription.EMPTY.withCreatedBy("ana\nbob"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ClipDescription.EMPTY.withCreatedBy(
                "a".repeat(ClipDescription.MAX_CREATED_BY_LENGTH + 1))).getMessage().startsWith("created_by is"));
    }

    @Test
    void parseTags_splitsATypedLineAtCommas_skippingBlanks() {
        assertEquals(List.of(" goal", " home team "), ClipDescription.parseTags(" goal, home team ,, "));
        assertEquals(List.of("goal", "home team"),
                ClipDescription.EMPTY.withTags(ClipDescription.parseTags(" goal, home team ,, ")).tags());
    }

    @Test
    void clipAndVideo_carryTheDescription_throughTheirOtherChanges() {
        ClipDescription d = new ClipDescription("Header", List.of("Goal"), "ana");
        Clip clip = new Clip("abcdefabcdef", 1, "Goal 12:00:00", 1000, 10, 5000, 7, false, 0, List.of(),
                ClipStatus.RECORDING, "", 0, 0, ClipAccuracy.SEGMENT).withDescription("Goal 1-0", d);

        Clip ready = clip.withCut(1_000_000, 1_010_000, 0).withVideo(4).withStatus(ClipStatus.READY, "");
        assertEquals(d, ready.description());
        assertEquals("Goal 1-0", ready.name());
        Video video = new Video(4, "k", 1, clip.id(), "Goal", VideoStatus.PENDING, "", 0, 7, List.of())
                .withDescription("Goal 1-0", d);
        assertEquals(d, video.withStatus(VideoStatus.READY, "").withDurationMs(10_000).withId(5).description());
    }

    @Test
    void title_isTheNameRule_notEmpty_atMost255() {
        assertEquals("Goal", ClipPolicy.title("  Goal "));
        assertThrows(ClipRejectedException.class, () -> ClipPolicy.title(" "));
        assertTrue(assertThrows(ClipRejectedException.class, () -> ClipPolicy.title("n".repeat(256))).getMessage()
                .contains("at most 255"));
    }
}
