package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the filter field above the clips list keeps, as the editor types: every word must be found, a word starting
 * with {@code #} at the start of one of the clip's tags ({@code #go} finds "Goal"), any other word anywhere in its
 * title, tags, description or editor's name. Case does not matter; an empty field keeps everything.
 */
record ClipFilter(List<String> tagPrefixes, List<String> words) implements Predicate<Clip> {

    static final ClipFilter ALL = of("");

    static ClipFilter of(String typed) {
        List<String> tokens = Stream.of(typed.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(t -> !t.isEmpty() && !t.equals("#")).toList();
        return new ClipFilter(
                tokens.stream().filter(t -> t.startsWith("#")).map(t -> t.substring(1)).toList(),
                tokens.stream().filter(t -> !t.startsWith("#")).toList());
    }

    @Override
    public boolean test(Clip clip) {
        ClipDescription d = clip.description();
        List<String> tags = d.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        String text = String.join("\n", clip.name(), String.join("\n", d.tags()), d.description(), d.createdBy())
                .toLowerCase(Locale.ROOT);
        return tagPrefixes.stream().allMatch(p -> tags.stream().anyMatch(t -> t.startsWith(p)))
                && words.stream().allMatch(text::contains);
    }

    boolean keepsAll() {
        return tagPrefixes.isEmpty() && words.isEmpty();
    }
}
