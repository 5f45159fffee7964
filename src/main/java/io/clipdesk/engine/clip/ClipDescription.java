package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an editor says about a clip besides its title (the clip's and video's {@code name}): a free description,
 * tags to find it by, and who made it ({@code createdBy}, the editor's name). The one place their rules live; a
 * broken rule is an {@link InvalidRequestException} whose sentence names the field and the limit.
 *
 * <p>Tags are stripped, inner whitespace runs become one space, and a tag repeated in another case is kept once (the
 * first spelling), so "Goal" from a quick marker and "goal" typed later do not make two tags. A comma separates
 * tags where an editor types them, so it cannot be part of one.
 */
public record ClipDescription(String description, List<String> tags, String createdBy) {

    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_CREATED_BY_LENGTH = 100;

    public static final ClipDescription EMPTY = new ClipDescription("", List.of(), "");

    public ClipDescription {
        description = text("description", description, MAX_DESCRIPTION_LENGTH, true);
        createdBy = text("created_by", createdBy, MAX_CREATED_BY_LENGTH, false);
        tags = tags(Objects.requireNonNull(tags, "tags"));
    }

    public ClipDescription withDescription(String newDescription) {
        return new ClipDescription(newDescription, tags, createdBy);
    }

    public ClipDescription withTags(List<String> newTags) {
        return new ClipDescription(description, newTags, createdBy);
    }

    public ClipDescription withCreatedBy(String newCreatedBy) {
        return new ClipDescription(description, tags, newCreatedBy);
    }

    /** Whether {@code tag} is one of the tags, in any case. */
    public boolean hasTag(String tag) {
        String key = key(tag);
        return tags.stream().anyMatch(t -> key(t).equals(key));
    }

    /**
     * One tag in its stored spelling.
     *
     * @throws InvalidRequestException empty, too long, or holding a comma or a control character
     */
    public static String tag(String raw) {
        String tag = Objects.requireNonNull(raw, "tag").strip().replaceAll("\\s+", " ");
        if (tag.isEmpty()) {
            throw new InvalidRequestException("A tag cannot be empty; leave it out instead.");
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            throw new InvalidRequestException("The tag \"" + tag.substring(0, 20) + "…\" is " + tag.length()
                    + " characters; a tag has at most " + MAX_TAG_LENGTH + ".");
        }
        if (tag.indexOf(',') >= 0 || tag.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("The tag \"" + tag + "\" holds a comma or a control character; "
                    + "a tag is a word or short phrase without commas.");
        }
        return tag;
    }

    /** Tags typed as one line, separated by commas ("goal, home team"); blanks between commas are skipped. */
    public static List<String> parseTags(String line) {
        List<String> tags = new ArrayList<>();
        for (String part : line.split(",")) {
            if (!part.isBlank()) {
                tags.add(part);
            }
        }
        return tags;
    }

    private static List<String> tags(List<String> raw) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String each : raw) {
            String tag = tag(each);
            unique.putIfAbsent(key(tag), tag);
        }
        if (unique.size() > MAX_TAGS) {
            throw new InvalidRequestException("A clip has at most " + MAX_TAGS + " tags; " + unique.size()
                    + " were given.");
        }
        return List.copyOf(unique.values());
    }

    private static String key(String tag) {
        return tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String text(String field, String raw, int maxLength, boolean multiline) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() > maxLength) {
            throw new InvalidRequestException(field + " is " + value.length() + " characters; at most " + maxLength
                    + " allowed.");
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n'
                || c == '\r' || c == '\t')));
        if (control) {
            throw new InvalidRequestException(field + " holds a control character" + (multiline
                    ? " (only line breaks and tabs are allowed)." : "; it is one line of plain text."));
        }
        return value;
    }
}
