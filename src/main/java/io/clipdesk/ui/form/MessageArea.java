package io.clipdesk.ui.form;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;

/**
 * A form's one message area: shows its {@link FormMessage} with the kind as a pseudo-class (:hint, :done,
 * :warning; the theme gives refusals the warning colour) and takes no room while empty. Screen readers read it as
 * text whose content changes.
 */
public final class MessageArea extends Label {

    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    public MessageArea(String id, ObservableValue<FormMessage> message) {
        setId(id);
        getStyleClass().add("form-message");
        setWrapText(true);
        setMinHeight(USE_PREF_SIZE);
        setAccessibleRole(AccessibleRole.TEXT);
        message.addListener((o, was, now) -> show(now));
        show(message.getValue());
    }

    private void show(FormMessage m) {
        FormMessage shown = m == null ? FormMessage.NONE : m;
        setText(shown.text());
        setAccessibleText(shown.text());
        setVisible(!shown.isEmpty());
        setManaged(!shown.isEmpty());
        pseudoClassStateChanged(HINT, shown.kind() == FormMessage.Kind.HINT);
        pseudoClassStateChanged(DONE, shown.kind() == FormMessage.Kind.DONE);
        pseudoClassStateChanged(WARNING, shown.kind() == FormMessage.Kind.WARNING);
    }

    public boolean isWarning() {
        return getPseudoClassStates().contains(WARNING);
    }
}
