package io.clipdesk.engine.delivery;

import io.clipdesk.engine.clip.ClipDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * "Every Goal clip goes to Social": a clip made with the tag (a quick marker puts its label there) is sent to the
 * destination as soon as it is ready. Kept in the engine's settings as one "tag TAB destination id" line per rule.
 */
public record AutoSend(String tag, long destinationId) {

    static final String SETTINGS_KEY = "delivery.auto_send";

    public AutoSend {
        tag = ClipDescription.tag(Objects.requireNonNull(tag, "tag"));
        if (destinationId <= 0) {
            throw new IllegalArgumentException("a rule sends to a stored destination, got id " + destinationId);
        }
    }

    /** Whether the rule is about {@code otherTag}, in any case (as tags compare). */
    public boolean isFor(String otherTag) {
        return tag.toLowerCase(Locale.ROOT).equals(otherTag.strip().toLowerCase(Locale.ROOT));
    }

    static String encode(List<AutoSend> rules) {
        StringBuilder text = new StringBuilder();
        for (AutoSend rule : rules) {
            text.append(rule.tag()).append('\t').append(rule.destinationId()).append('\n');
        }
        return text.toString();
    }

    /** Lines that cannot be read (edited by hand) are dropped rather than stopping every other rule. */
    static List<AutoSend> decode(String text) {
        List<AutoSend> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 2) {
                try {
                    rules.add(new AutoSend(fields[0], Long.parseLong(fields[1].strip())));
                } catch (IllegalArgumentException e) {
                    // dropped, see above
                }
            }
        }
        return List.copyOf(rules);
    }
}
