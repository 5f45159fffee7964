package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.clipdesk.ui.clips.PanelFixture.STREAM;
import static io.clipdesk.ui.clips.PanelFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Describing clips in the panel and filtering the list by text and tag as the editor types (TestFX). */
class ClipDescribePanelTest extends FxRobot {

    @TempDir
    static Path dir;
    private static PanelFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PanelFixture(dir, Duration.ofSeconds(12));
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    private Clip clip(String name, String... tags) {
        long dvrEndS = f.engine.streams().state(STREAM).window().endMs() / 1000;
        return f.engine.clips().create(ClipRequest.of(STREAM, dvrEndS - 5, 3).withName(name)
                .withDescription(ClipDescription.EMPTY.withTags(List.of(tags))));
    }

    private List<String> shownNames() {
        return fx(() -> f.vm().shownClips().stream().map(i -> i.getClip().name()).toList());
    }

    private void typeInFilter(String text) {
        fx(() -> {
            lookup("#clips-filter").queryTextInputControl().clear();
            return null;
        });
        clickOn("#clips-filter").write(text);
    }

    @Test
    void filter_byTagAsYouType_keepsTheTaggedClips_andEscapeShowsAllAgain() {
        Clip goal = clip("Header", "Goal", "home team");
        Clip card = clip("Booking", "Card");
        Clip plain = clip("Warm-up");
        f.await("all three listed", () -> fx(() -> f.item(goal.id()) != null && f.item(card.id()) != null
                && f.item(plain.id()) != null));
        int all = fx(() -> f.vm().clips().size());

        typeInFilter("#go");
        f.await("only the goal", () -> shownNames().equals(List.of("Header")));
        assertEquals("Clips (1 of " + all + ")", fx(() -> clipsTab().getText()));
        ListView<ClipItem> list = lookup("#clips-list").queryListView();
        assertEquals(List.of("Header"), fx(() -> list.getItems().stream().map(i -> i.getClip().name()).toList()),
                "the list view shows what the filter keeps");
        assertTrue(fx(() -> lookup(".clip-tags").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch("#Goal #home team"::equals)), "the row shows its tags");

        typeInFilter("#card");
        f.await("only the booking", () -> shownNames().equals(List.of("Booking")));
        typeInFilter("home");
        f.await("a word finds a tag's text too", () -> shownNames().equals(List.of("Header")));
        typeInFilter("#nosuchtag");
        f.await("nothing", () -> shownNames().isEmpty());

        type(KeyCode.ESCAPE);
        f.await("all again", () -> shownNames().size() == all);
        assertEquals("Clips (" + all + ")", fx(() -> clipsTab().getText()));
    }

    @Test
    void describe_reachedByTab_opensOnTheTags_savesWithEnter_andTheFilterFindsTheNewTag() {
        Clip clip = clip("Chance");
        f.select(this, clip);
        clickOn("#clips-filter");
        for (int i = 0; i < 8 && !fx(() -> lookup("#clip-describe").query().isFocused()); i++) {
            type(KeyCode.TAB); // the list, then the actions before it
        }
        f.await("Tab reaches Describe", () -> fx(() -> lookup("#clip-describe").query().isFocused()));
        type(KeyCode.SPACE);
        f.await("the dialog, tags focused", () -> fx(() -> lookup("#describe-tags").tryQuery()
                .map(n -> n.isFocused()).orElse(false)));
        clickOn("#describe-tags"); // Monocle sends keys to the window it last clicked, not the new dialog
        write("Save, keeper");
        type(KeyCode.ENTER);

        f.await("stored", () -> f.engine.clips().get(clip.id()).description().tags()
                .equals(List.of("Save", "keeper")));
        f.await("the row updated", () -> fx(() -> ClipItem.tagLine(f.item(clip.id()).getClip()))
                .equals("#Save #keeper"));
        typeInFilter("#keep");
        f.await("found by its new tag", () -> shownNames().equals(List.of("Chance")));
        type(KeyCode.ESCAPE);
    }

    @Test
    void describe_withATagBreakingTheRule_isRefusedInTheNotice_andChangesNothing() {
        Clip clip = clip("Foul", "Foul");
        f.select(this, clip);
        clickOn("#clip-describe");
        f.await("the dialog", () -> fx(() -> lookup("#describe-tags").tryQuery().isPresent()));
        clickOn("#describe-tags").type(KeyCode.END);
        write(", " + "x".repeat(ClipDescription.MAX_TAG_LENGTH + 1));
        type(KeyCode.ENTER);

        f.await("the refusal", () -> fx(() -> f.vm().noticeProperty().get()).contains("a tag has at most 40"));
        assertEquals(List.of("Foul"), f.engine.clips().get(clip.id()).description().tags());
    }

    private Tab clipsTab() {
        TabPane tabs = lookup("#clips-tabs").query();
        return tabs.getTabs().get(0);
    }
}
