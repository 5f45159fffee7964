package io.clipdesk.ui.form;

import java.util.Objects;

/**
 * What a form says in its one message area: nothing, a hint (the next step), the outcome of the last action, or a
 * refusal (a warning: the form cannot do what was asked, or did less).
 */
public record FormMessage(String text, Kind kind) {

    public enum Kind { NONE, HINT, DONE, WARNING }

    public static final FormMessage NONE = new FormMessage("", Kind.NONE);

    public FormMessage {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        kind = text.isEmpty() ? Kind.NONE : kind;
    }

    public static FormMessage hint(String text) {
        return new FormMessage(text, Kind.HINT);
    }

    public static FormMessage done(String text) {
        return new FormMessage(text, Kind.DONE);
    }

    public static FormMessage warning(String text) {
        return new FormMessage(text, Kind.WARNING);
    }

    public boolean isEmpty() {
        return kind == Kind.NONE;
    }
}
