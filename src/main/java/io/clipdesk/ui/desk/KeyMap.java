package io.clipdesk.ui.desk;

import java.util.List;

/**
 * Every key of the desk with what it does: the one list the key-map sheet ({@code ?}) shows, so the sheet cannot
 * drift from {@link DeskKeys}.
 */
public final class KeyMap {

    /** One row of the sheet. */
    public record Entry(String keys, String what) {
    }

    /** A titled group of rows. */
    public record Group(String title, List<Entry> entries) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group("Play", List.of(
                    new Entry("Space", "play / pause"),
                    new Entry("K", "pause / play"),
                    new Entry("L / J", "play forward / backward; again: 2×, 4×, 8×, 16×"),
                    new Entry("K+L / K+J", "hold K: step a frame forward / back (held: slowly on)"),
                    new Entry("Shift+L", "slow motion ½× (with sound), again ¼×"),
                    new Entry("← / →", "back / forward 1 s (Shift: 10 s)"),
                    new Entry(", / .", "one frame back / forward"),
                    new Entry("End", "go live"),
                    new Entry("M", "mute / unmute"))),
            new Group("Mark", List.of(
                    new Entry("I / O", "mark in / out at the picture on screen"),
                    new Entry("Shift+I / Shift+O", "go to the in / out point"),
                    new Entry("[ / ]", "move the last mark a frame earlier / later (Shift: a second)"),
                    new Entry("↑ / ↓ in a mark field", "move that mark a frame (Shift: a second)"),
                    new Entry("Esc", "clear the marks (in a field or control: back to the desk)"),
                    new Entry("Enter", "create the clip (while adjusting: apply)"),
                    new Entry("A", "adjust the selected clip: its in and out back on the timeline"),
                    new Entry("3 / 6 / 9", "clip the last 30 / 60 / 90 s up to the picture on screen"),
                    new Entry("F1…F8", "quick markers (labels and lengths under Edit…)"))),
            new Group("View", List.of(
                    new Entry("+ / −", "zoom the timeline in / out"),
                    new Entry("Ctrl+0", "fit the whole DVR in the timeline"),
                    new Entry("Ctrl+1…Ctrl+9", "switch to stream 1…9"),
                    new Entry("Tab / Shift+Tab", "move between controls; Space or Enter operates one"),
                    new Entry("?", "this key map"))));

    private KeyMap() {
    }
}
