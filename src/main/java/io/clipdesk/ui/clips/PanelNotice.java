package io.clipdesk.ui.clips;

import io.clipdesk.engine.TooEarlyException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.UncheckedIOException;

/** The clips panel's one line of news: the outcome of the last command, or why it failed, in a sentence. FX thread. */
final class PanelNotice {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "notice", "");

    void set(String sentence) {
        text.set(sentence);
    }

    void failed(RuntimeException e) {
        if (e instanceof TooEarlyException) {
            text.set("Not ready yet: " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            text.set("Could not write the file: " + io.getCause().getMessage());
        } else {
            text.set(e.getMessage());
        }
    }

    ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }
}
